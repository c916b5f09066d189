import { useEffect } from 'react';
import { useUser } from '../../auth/AuthProvider.tsx';
import { navigate } from '../../navigation/router.tsx';

/**
 * Whether the signed-in user is an admin. Everyone else is sent home: for them the admin screens do
 * not exist, just as the API answers their admin routes with 404.
 */
export function useAdminOnly(): boolean {
  const { user } = useUser();
  useEffect(() => {
    if (!user.is_admin) navigate('', { replace: true });
  }, [user.is_admin]);
  return user.is_admin;
}
