## Bot: /balance, /buy, Stars payments, /referrals

bot-tokens = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
bot-duration-hours = { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
}
bot-duration-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
bot-time-left = { $hours } h { $minutes } min

bot-balance-title = <b>💎 Your wallet</b>
bot-balance-tokens = Tokens: <b>{ $balance }</b>
bot-balance-plan-free = Plan: Free
bot-balance-plan-pro = Plan: <b>Pro</b> until { $until }
bot-balance-quotas = Left today on your plan: analyses { $textLeft } of { $textLimit }, pictures { $imageLeft } of { $imageLimit }
bot-balance-quotas-reset = Daily quotas reset when your day starts ({ $at }), in { $left }.
bot-balance-ledger-title = <b>Latest</b>
bot-balance-ledger-empty = No transactions yet.
bot-balance-buy = 🛒 Buy
bot-balance-referrals = 🤝 Invite friends

bot-buy-title =
    <b>🛒 Tokens and Pro</b>
    Tokens pay for AI work: analysis, images, videos, stories. Pro raises the daily quotas to { $textLimit } text and { $imageLimit } image requests.
    Paid with Telegram Stars ⭐ — pick an offer:
bot-buy-offer-tokens = 💎 { $tokens } — ⭐ { $stars }
bot-buy-offer-pass = 🚀 Pro · { $duration } — ⭐ { $stars }
bot-buy-back = ⬅️ Wallet

bot-goods-tokens = { $tokens ->
    [one] { $tokens } token
   *[other] { $tokens } tokens
}
bot-goods-pass = Pro for { $duration }

bot-pay-receipt-tokens =
    ✅ Payment received — thank you! ⭐ { $stars }
    Added: { $goods }. Balance: <b>{ $balance }</b>.
bot-pay-receipt-pass =
    ✅ Payment received — thank you! ⭐ { $stars }
    { $goods } is on: Pro until <b>{ $until }</b>.
bot-pay-admin-notice = 💫 New payment #{ $id }: { $who } bought { $goods } for ⭐ { $stars }.

bot-referrals-title =
    <b>🤝 Invite friends</b>
    When a friend starts Mechta through your link, you get { $inviter } and they get { $invitee } as a welcome bonus.

    Your link: { $link }
    Friends joined: <b>{ $joined }</b>
    Earned: <b>{ $earned }</b>
bot-referrals-share = 📤 Share the link
bot-referrals-share-text = Mechta keeps a journal of your dreams, analyses them and draws them. Join me!
bot-balance-explain =
    ℹ️ Two limits apply. The daily quota is how many analyses and pictures your plan allows each day. Tokens are the price of each action: analysis { $analysis }, picture { $image }, video { $video } (video has no daily quota). An action needs both: a quota slot left today and enough tokens.
    { $plan ->
        [pro] 🚀 Pro lifts your quota to { $proText } analyses and { $proImage } pictures a day (free plan: { $freeText } and { $freeImage }).
       *[free] 🚀 Pro lifts the quota to { $proText } analyses and { $proImage } pictures a day.
    }
