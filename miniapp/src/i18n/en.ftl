app-name = Mechta
loading = Loading…
load-more-failed = Could not load more: { $message }

## Sign-in
signin-progress = Signing you in…
signin-demo-title = Welcome to Mechta
signin-demo-text = You opened Mechta outside Telegram. This is a demo, so you can look around as a demo user.
signin-demo-button = Continue as demo user
signin-telegram-title = Open Mechta in Telegram
signin-telegram-text = Mechta signs you in with your Telegram account. Open the app from the bot's menu button.
signin-telegram-link = Open @{ $bot }
signin-failed-title = Could not sign you in
signin-retry = Try again

## Errors
error-title = Something went wrong
error-text = The app hit an unexpected error. Reloading usually helps.
error-reload = Reload
error-network = No connection to the server. Check your internet and try again.

## Navigation
nav-back = Back
route-home = Home
route-dreams = Journal
route-dreams-new = Log a dream
route-feed = Feed
route-wallet = Wallet
route-profile = Profile

## Home
greeting-morning = Good morning, { $name }
greeting-day = Good afternoon, { $name }
greeting-evening = Good evening, { $name }
greeting-night = Good night, { $name }
home-subtitle = What did you dream about tonight?
home-actions = Quick actions
action-log-dream = Log a dream
action-log-dream-hint = Write it down before it fades
action-journal = Journal
action-journal-hint = Your dreams, analysed
action-feed = Feed
action-feed-hint = Dreams shared today
action-wallet = Wallet
action-wallet-hint = Tokens and passes
home-settings = Profile and settings
home-settings-hint = Language, time zone, reminders
plan-free = Free
plan-pro = Pro

## Coming soon
coming-soon-title = Coming soon
coming-soon-text = This part of Mechta is on its way. Meanwhile, the bot can already do it in the chat.
coming-soon-home = Back to home

## Profile and settings
profile-since = With Mechta since { $date }
settings-title = Settings
settings-timezone-device = Use this device's time zone ({ $zone })
settings-reminder-hint = When the bot asks about last night's dreams. Leave empty to turn it off.
settings-reminder-clear = Turn off
settings-birth-date = Date of birth
settings-birth-date-hint = Used for the numerology of the day.
settings-save = Save
settings-saving = Saving…
settings-saved = Settings saved
settings-unchanged = No changes to save
settings-fix-fields = Please check the highlighted fields.
settings-save-failed = Could not save: { $message }

## Dreams (journal, new dream, dream detail, feed, insights)
route-dream = Dream
route-insights = Insights
home-insights = Insights
home-insights-hint = Symbols, emotions and streaks
dreams-retry = Try again
dreams-cancel = Cancel
dreams-date-today = Today
dreams-date-yesterday = Yesterday
dreams-duration-minutes = { $minutes } min
dreams-duration-hours-minutes = { $minutes ->
    [0] { $hours } h
   *[other] { $hours } h { $minutes } min
}
dreams-tokens = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
dreams-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

mood-1 = Anxious
mood-2 = Low
mood-3 = Neutral
mood-4 = Good
mood-5 = Peaceful

dream-image-alt = Picture of the dream “{ $title }”
dream-status-analysing = Reading your dream…
dream-status-painting = Painting…
dream-image-offline = offline art
dream-image-failed = The picture could not be painted.
dream-lucid-short = Lucid
dream-lucid = Lucid dream
dream-shared-badge = In the feed
dream-by = by { $name }

journal-search = Search dreams
journal-search-clear = Clear the search
journal-filter-category = Category
journal-filter-more = More filters
journal-filter-all = All
journal-filter-lucid = ✦ Lucid
journal-total = { $count ->
    [one] { $count } dream
   *[other] { $count } dreams
}
journal-found = { $count ->
    [one] { $count } dream found
   *[other] { $count } dreams found
}
journal-load-more = Show more
journal-load-failed = Could not load your journal
journal-empty-title = Your journal is empty
journal-empty-text = Write down the first dream you remember, and Mechta will read its symbols and paint it.
journal-empty-action = Log a dream
journal-nothing-found = Nothing found
journal-nothing-found-text = No dream matches these filters. Try other words or clear the filters.
journal-clear-filters = Clear filters

new-dream-text = What did you dream?
new-dream-text-placeholder = I was walking through a house I had never seen, and every door opened onto the sea…
new-dream-min = At least { $min } characters
new-dream-counter = { $count } / { $max }
new-dream-title = Title
new-dream-title-placeholder = Optional — Mechta will think of one
new-dream-lucid = Lucid dream
new-dream-lucid-hint = I knew I was dreaming
new-dream-mood = Mood before sleep
new-dream-note = Mechta analyses the dream and paints it in the background; the picture appears in your journal in a few moments.
new-dream-save = Save the dream
new-dream-saving = Saving…
new-dream-saved = Dream saved — analysing it now
new-dream-fix-fields = Please check the highlighted fields.
new-dream-top-up = Top up

dream-text = The dream
dream-analysis = Analysis
dream-analysing = Reading the symbols of your dream…
dream-analysis-failed = This dream could not be analysed. The tokens for it were returned.
dream-analysis-offline = analysed offline
dream-confidence = Confidence { $percent }%
dream-themes = Themes
dream-emotions = Emotions
dream-symbols = Symbols

dream-video = Video
dream-video-intro = A short clip, filmed from your dream as if through your own eyes.
dream-video-wait = The video can be made once the analysis is ready.
dream-video-request = Create a video
dream-video-retry = Try again
dream-video-requesting = Requesting…
dream-video-pending = The video is queued…
dream-video-processing = Filming your dream… { $progress }%
dream-video-failed = The video could not be made; the tokens were returned.
dream-video-not-charged = Nothing was charged.

dream-share = Sharing
dream-share-intro = Only you can see this dream. Shared, it stays in the public feed for 24 hours and in your journal for good.
dream-share-named = Share with my name
dream-share-anonymous = Share anonymously
dream-make-anonymous = Hide my name
dream-show-name = Show my name
dream-unshare = Stop sharing
dream-public-named = In the public feed under your name.
dream-public-anonymous = In the public feed, anonymously.
dream-shared = Shared to the feed
dream-shared-anonymously = Shared anonymously
dream-unshared = Removed from the feed
dream-views = { $count ->
    [one] { $count } view
   *[other] { $count } views
}

dream-delete = Delete the dream
dream-delete-confirm-title = Delete this dream?
dream-delete-confirm-text = The dream, its analysis, picture and video are deleted for good.
dream-delete-confirm = Delete
dream-deleting = Deleting…
dream-deleted = Dream deleted

dream-missing-title = Dream not found
dream-missing-text = It may have been deleted, or it has left the public feed.
dream-missing-action = Open the journal
dream-load-failed = Could not load the dream

feed-intro = Dreams people shared in the last 24 hours.
feed-time-left = { $time } left
feed-yours = Yours
feed-load-failed = Could not load the feed
feed-empty-title = The feed is quiet
feed-empty-text = Nobody has shared a dream in the last 24 hours. Share one of yours from the journal.
feed-empty-action = Open the journal

insights-streak = Current streak
insights-total = Dreams logged
insights-last-30 = { $count ->
    [one] { $count } day with dreams in the last 30
   *[other] { $count } days with dreams in the last 30
}
insights-lucid = Lucid dreams
insights-lucid-hint = of all your dreams
insights-longest = Longest streak
insights-longest-hint = in a row
insights-total-hint = in your journal
insights-categories = Kinds of dreams
insights-symbols = Recurring symbols
insights-emotions = Emotions by week
insights-times = times
insights-analysed = { $count ->
    [one] analysed
   *[other] analysed
}
insights-no-analysis = The mix appears once your dreams are analysed.
insights-no-symbols = No recurring symbols yet.
insights-no-emotions = No emotions recorded in the last 12 weeks.
insights-load-failed = Could not load your insights
insights-empty-title = Nothing to chart yet
insights-empty-text = Log a few dreams, and their symbols, emotions and streaks will show up here.

## Wallet, referrals and admin
route-admin = Admin
route-admin-user = User
admin-link-hint = Figures, payments and users
wallet-balance = Balance
wallet-tokens-unit = { $count ->
    [one] token
   *[other] tokens
}
wallet-token-count = { $count ->
    [one] { $count } token
   *[other] { $count } tokens
}
wallet-pro-until = Pro until { $date }
wallet-pro-left = { $left } left
wallet-enough-for = { $count ->
    [0] Not enough for a dream analysis yet
    [one] Enough for { $count } dream analysis
   *[other] Enough for { $count } dream analyses
}
wallet-free-hint = Free plan
wallet-left-days-hours = { $days } d { $hours } h
wallet-left-hours-minutes = { $hours } h { $minutes } min
wallet-left-minutes = { $minutes } min
wallet-duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
wallet-duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
wallet-today-at = Today, { $time }
wallet-yesterday-at = Yesterday, { $time }
wallet-today = Today’s limits
wallet-quota-text = Dream analyses
wallet-quota-image = Images
wallet-quota-used = { $used } of { $limit }
wallet-quota-resets = Resets at { $time }
wallet-prices = What things cost
wallet-price-analysis = Dream analysis
wallet-price-image = Dream image
wallet-price-video = Dream video
wallet-price-story = Future story
wallet-price-lora_training = Personal photo model
wallet-price-photo = You in your dream
wallet-price-free = free
wallet-buy-tokens = Top up tokens
wallet-buy-pass = Pro passes
wallet-pass-hint = Pro: higher daily limits
wallet-pack-save = −{ $percent }%
wallet-offer-tokens-label = { $count } tokens for { $stars ->
    [one] { $stars } Star
   *[other] { $stars } Stars
}
wallet-offer-pass-label = Pro pass for { $duration }, { $stars ->
    [one] { $stars } Star
   *[other] { $stars } Stars
}
wallet-paid = Payment received, thank you!
wallet-payment-failed = The payment did not go through. No Stars were taken.
wallet-payment-pending = The payment is being processed; the balance updates as soon as it is done.
wallet-payment-external = Finish the payment in Telegram; the balance updates as soon as it is done.
wallet-outside-telegram = Stars payments work inside Telegram. Open Mechta from the bot to buy, or open the invoice in the Telegram app.
wallet-open-invoice = Open the invoice in Telegram
wallet-notice-close = Close
wallet-unavailable = The wallet is unavailable
wallet-retry = Try again
wallet-load-failed = Could not load: { $message }
wallet-load-more = Show more
wallet-history = History
wallet-history-empty = No operations yet.
wallet-balance-after = balance { $balance }
referral-section = Invite friends
referral-title = Dream together
referral-text = When a friend starts the bot with your link, you get { $inviter } tokens and your friend gets { $invitee }.
referral-link = Your invitation link
referral-copy = Copy
referral-copied = Link copied
referral-copy-failed = Could not copy the link
referral-share = Share
referral-share-text = I keep my dream journal in Mechta. Join me!
referral-no-link = Your invitation code is { $code }. The link appears once the bot is connected.
referral-joined = Friends joined
referral-earned = Tokens earned
ledger-welcome = Welcome bonus
ledger-spend = AI work
ledger-refund = Refund for unfinished work
ledger-refund-for = Refund: { $what }
ledger-purchase = Tokens bought
ledger-purchase_refund = Purchase refunded
ledger-referral_inviter = A friend joined by your link
ledger-referral_invitee = Invitation bonus
ledger-grant = Gift from Mechta
ledger-revoke = Correction
admin-tab-overview = Overview
admin-tab-payments = Payments
admin-tab-users = Users
admin-stat-users = Users
admin-stat-active-today = Active today
admin-stat-active-week = Active this week
admin-stat-payments = Payments
admin-stat-refunded = { $count } refunded
admin-stat-revenue = Stars revenue
admin-stat-tokens-issued = Tokens issued
admin-stat-revoked = { $count } taken back
admin-stat-tokens-spent = Tokens spent
admin-charts = Last 30 days
admin-chart-users = Users
admin-chart-users-series = Users
admin-chart-users-new = New that day
admin-chart-users-total = { $total } · +{ $added } in 30 days
admin-chart-revenue = Stars revenue
admin-chart-revenue-series = Revenue
admin-chart-payments-total = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
}
admin-chart-tokens = Token flow, all time
admin-chart-tokens-net = net { $count }
admin-chart-tokens-series = Tokens
admin-payment-pass = Pro · { $duration }
admin-payment-shortfall = { $count } tokens were already spent
admin-user-id = User { $id }
admin-payment-paid = Paid
admin-payment-refunded = Refunded
admin-payment-refunding = Refunding
admin-refund = Refund
admin-refund-confirm = Refund { $stars ->
    [one] { $stars } Star
   *[other] { $stars } Stars
} and take back { $what }?
admin-refund-yes = Refund
admin-refunding = Refunding…
admin-refund-done = Payment refunded
admin-refund-finish = Finish the refund
admin-refund-pending = Telegram has not confirmed the refund yet. It will finish by itself within minutes, or press again.
admin-cancel = Cancel
admin-payments-empty = No payments yet.
admin-search = Telegram id, @username or name
admin-search-clear = Clear the search
admin-search-empty = Nobody found.
admin-users-empty = No users yet.
admin-search-hint = Newest users first. Search by Telegram id, @username or name.
admin-badge-admin = Admin
admin-badge-blocked = Blocked
admin-user-missing = User not found
admin-fact-balance = Balance
admin-fact-plan = Plan
admin-fact-pro-until = Pro until { $date }
admin-fact-quotas = Used today
admin-fact-quotas-value = texts { $text }/{ $textLimit } · images { $image }/{ $imageLimit }
admin-fact-payments = Payments
admin-fact-payments-value = { $count } · { $stars ->
    [one] { $stars } Star
   *[other] { $stars } Stars
}
admin-stars = { $count ->
    [one] { $count } Star
   *[other] { $count } Stars
}
admin-fact-referrals = Invited
admin-fact-joined = Joined
admin-fact-seen = Last seen
admin-fact-language = Language, time zone
admin-section-tokens = Tokens
admin-section-plan = Plan
admin-section-access = Access
admin-section-payments = Payments
admin-tokens-amount = Amount
admin-tokens-reason = Reason
admin-tokens-reason-placeholder = Seen in their history
admin-grant = Grant
admin-revoke = Take back
admin-granted = { $count } tokens granted
admin-revoked = { $count } tokens taken back
admin-plan = Plan
admin-plan-hours = Pass length
admin-plan-pro-hint = Starts now.
admin-plan-extend-hint = Added to the pass the user already has.
admin-plan-free-hint = Ends the current pro pass now.
admin-plan-apply = Set plan
admin-plan-done = Plan updated
admin-access-active = { $name } can use the bot and the app.
admin-access-blocked = { $name } is blocked: the bot answers with one polite message, the app refuses.
admin-access-admin = Admins cannot be blocked.
admin-block = Block
admin-unblock = Unblock
admin-block-confirm = Block { $name }? They will get one polite message and nothing else.
admin-blocked-done = User blocked
admin-unblocked-done = User unblocked

dream-status-waiting = Analysis waiting
dream-status-skipped = No analysis
dream-analysis-waiting = Analysis waiting: today's analyses are used up. The dream is saved, and it will be analysed tomorrow, when your daily limit renews — or right away with Pro.
dream-analysis-waiting-buy = Get Pro or tokens
dream-analysis-skipped = Saved without analysis.
dream-analysis-ask = Analyse this dream
dream-analysis-ask-priced = Analyse this dream — { $price ->
    [one] { $price } token
   *[other] { $price } tokens
}
new-dream-mood-waking = Mood on waking
dream-mood-waking-badge = On waking: { $mood }
new-dream-no-analysis = Save without analysis
new-dream-no-analysis-hint = Just the journal: nothing is charged. You can ask for the analysis later.
new-dream-saved-quiet = Dream saved in the journal
## Editing a saved dream, analysing it again
dream-edit = Edit
dream-edit-title = Edit the dream
dream-edit-save = Save changes
dream-edit-saving = Saving…
dream-edit-saved = Changes saved
dream-edit-unchanged = Nothing to save: the dream is as it was.
dream-edit-mood = Mood
dream-edit-title-hint = Leave empty to go without one
dream-reanalyse-title = The text has changed
dream-reanalyse-text = The analysis below is of the previous text. Mechta can read the dream again.
dream-reanalyse = Analyse again
dream-reanalysing = Reading the new text… the previous analysis shows until then.
dream-reanalyse-started = Analysing the dream again
dream-voice = Voice note
wallet-quota-explain = Two limits apply. The daily quota is how many analyses and images your plan allows each day. Tokens are the price of each action: analysis { $analysis }, image { $image }, video { $video } (video has no daily quota). An action needs both: a quota slot left today and enough tokens.
wallet-quota-pro-lifts = Pro lifts the quota to { $proText } analyses and { $proImage } images a day.
wallet-quota-pro-lifted = With Pro your quota is { $proText } analyses and { $proImage } images a day (free plan: { $freeText } and { $freeImage }).
## Readings: lenses on a dream (pages/dreams/ReadingsCard.tsx)
dream-readings = Readings
dream-readings-intro = Three ways of looking at the dream. Each is one perspective; you have the final say.
dream-reading-lens-jung = Jungian: archetypes
dream-reading-lens-cognitive = Cognitive: the day and its feelings
dream-reading-lens-folk = Folk symbolism (folklore)
dream-reading-request = Read
dream-reading-working = Reading…
dream-reading-offline = From the symbol dictionary
dream-reading-verdict = Does this reading fit?
dream-reading-fits = Fits
dream-reading-does-not-fit = Doesn’t fit
wallet-price-reading = Dream reading (one lens)
settings-day-start-hint = A dream written before this time belongs to the night before; daily limits reset then.
