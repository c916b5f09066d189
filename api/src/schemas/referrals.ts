import { Type } from '@sinclair/typebox';
import { Nullable } from '../plugins/envelope.ts';

/** The shape of the referrals route (api/src/routes/referrals.ts). */

export const ReferralsSchema = Type.Object(
  {
    code: Type.String(),
    link: Nullable(
      Type.String({
        description: 'https://t.me/<bot>?start=ref_<code>; null while the bot’s username is unknown',
      }),
    ),
    joined: Type.Integer({ description: 'Users who joined through the link' }),
    earned: Type.Integer({ description: 'Tokens the invitations brought' }),
    bonus: Type.Object(
      { inviter: Type.Integer(), invitee: Type.Integer() },
      { description: 'Tokens each side gets when an invited user joins' },
    ),
  },
  { $id: 'Referrals', additionalProperties: false },
);
