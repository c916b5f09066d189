app-name = Mechta
loading = Loading…

## Sign-in
signin-progress = Signing you in…
signin-demo-title = Welcome to Mechta
signin-demo-text = You opened Mechta outside Telegram. This server runs in demo mode, so you can look around as a demo user.
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
settings-language = Language
settings-timezone = Time zone
settings-timezone-device = Use this device's time zone ({ $zone })
settings-reminder = Morning reminder
settings-reminder-hint = When the bot asks about last night's dreams. Leave empty to turn it off.
settings-reminder-clear = Turn off
settings-birth-date = Date of birth
settings-birth-date-hint = Used for the numerology of the day.
settings-notifications = Notifications
notify-morning = Morning reminder
notify-rituals = Ritual reminders
notify-weekly = Weekly summary
notify-generations = Images and videos ready
notify-resonances = Resonances with your dreams
settings-save = Save
settings-saving = Saving…
settings-saved = Settings saved
settings-unchanged = No changes to save
settings-fix-fields = Please check the highlighted fields.
settings-save-failed = Could not save: { $message }
