## Bot: start, help, menu, settings, command descriptions (setMyCommands)

start-new = Hi, { $name }! ✨ I'm Mechta — a journal for your night dreams and a companion for your waking ones.
    Tell me a dream and I'll analyse it and keep it safe. { $images ->
        [0] Pictures come with the pro plan.
        [1] On the free plan I also draw a picture for your first dream each day.
       *[other] On the free plan I also draw pictures for your first { $images } dreams each day.
    }
start-returning = Welcome back, { $name }! What shall we do?
start-referred = You joined through a friend's invitation — welcome!
menu-title = Main menu
menu-dream = 🌙 Log a dream
menu-journal = 📖 Journal
menu-feed = 🌍 Feed
menu-today = 🔮 Energy of the day
menu-balance = 💎 Balance
menu-settings = ⚙️ Settings
menu-help = ❓ Help
menu-open-app = 📱 Open Mechta
menu-coming-soon = This part of Mechta is coming soon.
help =
    <b>Mechta</b> keeps your dreams — the night ones and the waking ones.

    /dream — log a dream { $voice ->
        [yes] (text or voice)
       *[no] (as text)
    }
    /dreams — your journal, /dreams words — search it
    /feed — dreams people shared in the last 24 hours
    /balance, /buy, /referrals — tokens, plans and invitations
    /settings — language, time zone, reminders
    /cancel — stop whatever we are doing
cancel-done = Cancelled. Nothing was saved from the unfinished step.
cancel-nothing = There's nothing to cancel.
unknown-message = I didn't quite get that. Try /menu or /help.
blocked = Your access to Mechta has been suspended. If you think this is a mistake, contact the bot's owner.
error-generic = Sorry, something went wrong on our side. Please try again in a minute.

settings-card =
    <b>Settings</b>
    Language: { $language }
    Time zone: { $timezone }
    Morning reminder: { $reminder }
    Day starts at: { $dayStart }
    Date of birth: { $birthDate }
settings-not-set = not set
settings-off = off
settings-birthdate = 🎂 Date of birth
settings-choose-language = Choose your language:
settings-language-saved = Language set to English.
settings-ask-timezone = Send your time zone, e.g. <code>Europe/Moscow</code>, <code>Asia/Almaty</code> or <code>UTC+3</code>. Or pick one below.
settings-timezone-saved = Time zone set to { $timezone }.
settings-ask-reminder = At what local time should I ask about your dreams? Send it as <code>HH:MM</code> (e.g. <code>08:30</code>), or <code>off</code>.
settings-reminder-saved = Morning reminder: { $reminder }.
settings-ask-birthdate = Send your date of birth as <code>DD.MM.YYYY</code> (used for numerology in /today), or <code>clear</code>.
settings-birthdate-saved = Date of birth saved: { $birthDate }.
settings-notifications-title = Tap to switch notifications on or off:
settings-try-again = Try again or send /cancel.

cmd-start = Start Mechta
cmd-help = What Mechta can do
cmd-menu = Main menu
cmd-dream = Log a dream
cmd-dreams = Your dream journal
cmd-moment = Post a 60-second moment
cmd-feed = Dreams shared today
cmd-today = Energy of the day
cmd-wheel = Life wheel
cmd-wants = Your wishes
cmd-ritual = Daily rituals
cmd-goals = Goals and steps
cmd-balance = Tokens and plan
cmd-buy = Buy tokens or Pro
cmd-referrals = Invite friends
cmd-settings = Language, time zone, reminders
cmd-export = Download all your data
cmd-delete_me = Delete all your data
cmd-cancel = Stop the current action
cmd-admin = Administration
menu-button = Mechta
menu-outdated = That menu was out of date — here is a fresh one.
button-expired = This button no longer works. Try /menu.
settings-back = ⬅️ Back
settings-invalid = That didn't work: { $reason }.
settings-birthdate-cleared = Date of birth removed.
menu-back = ⬅️ Back
settings-ask-day-start = When does your day start? Send it as <code>HH:MM</code>, e.g. <code>04:00</code>: a dream written before then belongs to the night before (quotas and journal dates follow it).
settings-day-start-saved = Your day now starts at { $dayStart }.
onboarding-timezone-ask = Which time zone are you in? Then reminders come on time and your day starts at 04:00 your time.
onboarding-timezone-other = Other…
onboarding-timezone-skip = Skip
onboarding-timezone-skipped = I'll keep UTC for now; you can change it any time in /settings.
