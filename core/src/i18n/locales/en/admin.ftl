## Wallet, referrals and admin over HTTP (Mini App)

api-telegram-unavailable = Payments through Telegram aren't available right now.
validation-offer = no such offer; pick one from the wallet's offers
validation-token-amount = must be a whole number other than 0 (positive grants, negative takes away)

admin-alert-job-failed = ⚠️ A background job failed for good: { $job } ({ $id }). { $error }
    (Further failures of this job are muted for 10 minutes.)
