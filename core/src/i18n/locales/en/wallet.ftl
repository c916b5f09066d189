## Wallet: tokens, quotas, passes, Stars payments, referrals

wallet-plan-free = Free
wallet-plan-pro = Pro
wallet-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}

wallet-action-analysis = dream analysis
wallet-action-image = image
wallet-action-video = video
wallet-action-story = future story
wallet-action-lora_training = photo model training
wallet-action-photo = photo in a dream

wallet-kind-welcome = Welcome gift
wallet-kind-spend = Spent
wallet-kind-refund = Refund
wallet-kind-purchase = Purchase
wallet-kind-purchase_refund = Purchase refunded
wallet-kind-referral_inviter = Friend joined
wallet-kind-referral_invitee = Invitation bonus
wallet-kind-grant = Gift from the team
wallet-kind-revoke = Correction

wallet-invoice-tokens-title = { $tokens } Mechta tokens
wallet-invoice-tokens-description = { $tokens } tokens for dream analysis, images, videos and stories in Mechta.
wallet-invoice-pass-title = Mechta Pro, { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
wallet-invoice-pass-description = Pro for { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}: bigger daily quotas and saved moments. Extends a pass you already have.

wallet-precheckout-blocked = Your access to Mechta is suspended, so this purchase can't go through.
wallet-precheckout-offer-unknown = This offer is no longer available. Please open /buy again.
wallet-precheckout-offer-changed = The price of this offer has changed. Please open /buy again for a fresh invoice.
wallet-precheckout-price-mismatch = The amount doesn't match the offer's price. Please open /buy again.
wallet-precheckout-other-user = This invoice was made for another account. Please open /buy yourself.

wallet-referral-joined = 🎉 { $name } joined Mechta with your invitation — you get { $bonus } tokens!

# A lens reading of a dream (core/src/readings)
wallet-action-reading = dream reading
