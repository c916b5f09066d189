## Bot: /dream (logging by text or voice), the dream card, /dreams (journal), /feed

bot-dream-ask = 🌙 Tell me your dream: type it, or send a voice message. /cancel to stop.
bot-dream-send-text-or-voice = I can take a dream as text or as a voice message. Send it again, or /cancel.
bot-dream-text-invalid = That won't do: { $reason } ({ $length } characters; a dream takes { $min }–{ $max }). Send the dream again, or /cancel.
bot-dream-send-again = Send the dream again, or /cancel.
bot-dream-voice-unavailable = I can't listen to voice messages yet. Please type your dream instead.
bot-dream-voice-too-long = That voice message is too long (up to { $minutes } minutes). Send a shorter one, or type the dream.
bot-dream-voice-failed = I couldn't make out that voice message. Try again, or type the dream.
bot-dream-voice-empty = I couldn't hear any words in that voice message. Try again, or type the dream.
bot-dream-voice-invalid =
    I heard: <i>{ $text }</i>
    That won't do: { $reason } ({ $length } characters; a dream takes { $min }–{ $max }). Send the dream again, or /cancel.

bot-dream-review-title = <b>Your dream</b>
bot-dream-review-heard = <b>Here is what I heard</b>
bot-dream-review-extras = 🌟 Lucid: { $lucid } · Mood before sleep: { $mood }
bot-dream-review-hint = Mark it lucid or tap your mood before sleep, then save. To change the text, tap ✏️ Edit or simply send the new text.
bot-dream-review-hint-heard = Is that right? Save it, or tap ✏️ Edit and send the corrected text.
bot-dream-yes = yes
bot-dream-no = no
bot-dream-mood-none = not set
bot-dream-mood-value = { $face } { $mood }/5
bot-dream-button-lucid = 🌟 Lucid
bot-dream-button-save = ✅ Save
bot-dream-button-edit = ✏️ Edit
bot-dream-button-cancel = ✖️ Cancel
bot-dream-ask-edit = ✏️ Send the corrected text of the dream.
bot-dream-cancelled = Cancelled. This dream was not saved.
bot-dream-analysing = 🔮 Analysing your dream…

bot-dream-card-lucid = 🌟 lucid
bot-dream-card-mood = mood before sleep { $mood }
bot-dream-card-author = 👤 { $name }
bot-dream-card-themes = 🧭 Themes: { $list }
bot-dream-card-emotions = 💭 Emotions: { $list }
bot-dream-card-symbols = 🔑 Symbols: { $list }
bot-dream-card-offline = ⚙️ A short reading from the symbol dictionary
bot-dream-card-pending = 🔮 Still analysing…
bot-dream-card-failed = ⚠️ The analysis could not be made.
bot-dream-card-drawing = 🎨 Drawing your dream…
bot-dream-card-public = 🌍 In the public feed, { $left } left
bot-dream-card-public-anonymous = 🕶 In the public feed anonymously, { $left } left
bot-dream-card-in-feed = ⏳ { $left } left in the feed · 👁 { $views }
bot-dream-card-link = 🔗 { $link }
bot-dream-left = { $hours ->
    [0] { $minutes } min
   *[other] { $minutes ->
        [0] { $hours } h
       *[other] { $hours } h { $minutes } min
    }
}

bot-dream-button-video = 🎬 Make a video ({ $price } { $price ->
    [one] token
   *[other] tokens
})
bot-dream-button-share = 🌍 Share
bot-dream-button-share-anonymous = 🕶 Share anonymously
bot-dream-button-unshare = 🔒 Unshare
bot-dream-button-delete = 🗑 Delete
bot-dream-button-open-app = 📱 Open in Mechta
bot-dream-button-delete-confirm = 🗑 Yes, delete it
bot-dream-button-delete-keep = ↩️ Keep it
bot-dream-deleted = 🗑 Dream deleted, together with its picture and video.
bot-dream-shared = 🌍 Shared to the public feed for { $left }.
bot-dream-shared-anonymous = 🕶 Shared anonymously to the public feed for { $left }.
bot-dream-unshared = 🔒 The dream is private again.
bot-dream-not-available = That dream isn't available: it is private, deleted or no longer in the feed.

bot-dream-video-queued = 🎬 Video: queued…
bot-dream-video-progress = 🎬 Video: { $progress }%
bot-dream-video-ready = 🎬 Video: ready ✅
bot-dream-video-failed = 🎬 Video: failed
bot-dream-video-unavailable = 🎬 Video isn't available yet; nothing was charged.
bot-dream-video-busy = The video of this dream is already being made.
bot-dream-video-done = The video of this dream is already made — it is further up in this chat.
bot-dream-image-offline = 🎨 offline art

bot-dream-journal-empty = 📖 Your journal is empty for now. Tell me a dream: /dream
bot-dream-journal-title = 📖 <b>Your dream journal</b> — { $total ->
    [one] { $total } dream
   *[other] { $total } dreams
}
bot-dream-journal-search = 🔎 “{ $q }”
bot-dream-journal-category = 🏷 { $category }
bot-dream-journal-nothing = Nothing found. Try other words or another category.
bot-dream-journal-hint = Tap a dream to open it. Search: <code>/dreams words</code>
bot-dream-page = Page { $page } of { $pages }
bot-dream-filter-all = All
bot-dream-clear-search = ✖️ Clear the search

bot-dream-feed-empty = 🌍 Nobody has shared a dream in the last { $hours } h. Open one of yours and tap 🌍 Share to be the first.
bot-dream-feed-title = 🌍 <b>Dreams shared in the last { $hours } h</b> — { $total }
bot-dream-feed-item = { $n }. { $emoji } <b>{ $title }</b> — { $author } · ⏳ { $left } left
bot-dream-author-you = you

dream-failed-analysis = I couldn't analyse this dream.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] token is
       *[other] tokens are
    } back on your balance.
}
dream-failed-image = I couldn't draw this dream.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] token is
       *[other] tokens are
    } back on your balance.
}
dream-failed-video = I couldn't film this dream.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] token is
       *[other] tokens are
    } back on your balance.
}

bot-dream-review-waking = 🌅 Mood on waking: { $mood }
bot-dream-button-save-quiet = 📓 Save without analysis
bot-dream-saving = 📓 Saving your dream…
bot-dream-saved-quiet = 📓 I saved your dream in the journal, without analysis. If you'd like one later, tap the button.
bot-dream-button-analyse = 🔮 Analyse — { $price ->
    [one] { $price } token
   *[other] { $price } tokens
}
bot-dream-waiting-quota = 🌙 I saved your dream in the journal. Today's { $limit } analyses are used up, so its analysis waits: I'll do it tomorrow, when your daily limit renews, and send it here. With Pro (up to { $proLimit } analyses a day) I'll analyse it right away.
bot-dream-card-waiting-quota = ⏳ Analysis waiting: today's limit is used up, it will come tomorrow.
bot-dream-card-skipped = 📓 Saved without analysis.
bot-dream-card-mood-waking = mood on waking { $mood }
bot-freetext-offer = 🌙 That sounds like a dream. Save it to your journal?
bot-freetext-voice-needs-text = I can't turn voice messages into text. Please type your dream, and I'll offer to save it.
bot-freetext-media = I can't keep pictures or videos. Describe the dream in words, and I'll offer to save it.
bot-draft-waiting = 🌙 Your dream is still waiting. Continue where you left off?
bot-draft-button-resume = ▶️ Continue
bot-draft-button-discard = 🗑 Discard
bot-draft-discarded = 🗑 The unsaved dream is discarded.
bot-draft-gone = That unsaved dream is no longer here. Send /dream to tell it again.
bot-dream-delete-confirm-text =
    🗑 <b>{ $title }</b>

    Delete this dream and its picture? This can't be undone.
bot-dream-already-deleted = This dream was already deleted.
bot-dream-filter-gothic = Gothic
bot-dream-filter-chase = Chase
bot-dream-filter-flight = Flight
bot-dream-filter-transformation = Change
bot-dream-filter-physics = Physics
bot-dream-filter-liminal = Liminal
bot-dream-filter-other = Other
# Editing a saved dream and analysing it again
bot-dream-button-edit-dream = ✏️ Edit
bot-dream-button-reanalyse = 🔁 Analyse again · { $price } 💎
bot-dream-card-reanalysing = 🔮 Analysing again… the analysis above is the previous one until the new one arrives.
bot-dream-edit-menu =
    ✏️ <b>Editing «{ $title }»</b>
    What would you like to change? Each change is saved at once.
bot-dream-edit-button-text = 📝 Text
bot-dream-edit-button-title = 🏷 Title
bot-dream-edit-button-done = ✅ Done
bot-dream-edit-ask-text = Send the new text of the dream ({ $min }–{ $max } characters); it replaces the old one. /cancel keeps the old text.
bot-dream-edit-ask-title = Send the new title (up to { $max } characters), or a single «-» to remove it.
bot-dream-edit-title-invalid = A title can be up to { $max } characters. Please send a shorter one.
bot-dream-edit-text-saved = ✅ I saved the new text. The analysis is still of the old one: shall I analyse the dream again? Price: { $price } 💎.
bot-dream-edit-title-saved = ✅ I saved the title.
bot-dream-edit-finished = ✅ Editing finished; the card shows the dream as it is now.
bot-dream-reanalysis-busy = The dream is already being analysed; the new analysis will arrive shortly.
bot-dream-ask-text = 🌙 Tell me your dream — type it as text. /cancel to stop.
bot-dream-send-text = I can take a dream as text. Send it again, or /cancel.
bot-dream-review-cost = 💎 Analysis costs { $price } · { $left } of { $limit } left today on your plan · balance { $balance }
## Readings: lenses on a dream's analysis (bot/src/features/dreams/readings.ts)

bot-dream-button-readings = 🔮 Readings
bot-reading-choose = Which lens shall we look at this dream through? Each reading is just one perspective; you have the final say.
bot-reading-lens-jung = Jungian (archetypes)
bot-reading-lens-cognitive = Cognitive (day and feelings)
bot-reading-lens-folk = Folk symbolism (folklore)
bot-reading-lens-priced = { $lens } — { $price } { $price ->
    [one] token
   *[other] tokens
}
bot-reading-lens-read = { $lens } — already read
bot-reading-offline = Read from the symbol dictionary, without AI.
bot-reading-fits = 👍 Fits
bot-reading-does-not-fit = 👎 Doesn't fit
bot-reading-marked-fits = Noted: it fits. I'll take that into account next time.
bot-reading-marked-does-not-fit = Noted: it doesn't fit. I'll take that into account next time.
