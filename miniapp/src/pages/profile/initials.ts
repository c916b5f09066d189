import type { User } from '../../api/types.ts';

/** One or two letters for the avatar circle. */
export function initialsOf(user: Pick<User, 'first_name' | 'last_name' | 'username'>): string {
  const letters = [user.first_name, user.last_name]
    .map((part) => part?.trim().charAt(0) ?? '')
    .join('')
    .toUpperCase();
  return letters || (user.username?.charAt(0).toUpperCase() ?? '✦');
}
