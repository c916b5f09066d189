## Wallet, referrals and admin over HTTP (Mini App)

api-telegram-unavailable = Payments through Telegram aren't available right now.
validation-offer = no such offer; pick one from the wallet's offers
validation-token-amount = must be a whole number other than 0 (positive grants, negative takes away)

admin-alert-job-failed = ⚠️ A background job failed for good: { $job } ({ $id }). { $error }
    (Further failures of this job are muted for 10 minutes.)

## Messages to a user when an admin changes their account
admin-notice-granted = 🎁 The Mechta team gave you tokens: { $amount }. Balance: { $balance }.
admin-notice-revoked = ➖ The Mechta team took tokens from your balance: { $amount }. Balance: { $balance }.
admin-notice-refunded = ↩️ Payment #{ $id } refunded: ⭐ { $stars } go back to your Telegram account.{ $tokens ->
    [0] {""}
   *[other] { " " }The tokens it bought were taken back: { $tokens }.
}
admin-notice-plan-pro = 🚀 The Mechta team gave you Pro until { $until }.
admin-notice-plan-free = The Mechta team moved you to the Free plan.
