## Dreams: domain messages shared by the bot, the API and the Mini App

validation-dream-too-short = too short — describe the dream in a few more words
validation-dream-too-long = too long — please shorten it a little
validation-dream-title = a title can be at most 120 characters
validation-dream-mood = mood is a number from 1 to 5
validation-dream-lucid = must be true or false
validation-dream-query = the search is too long
validation-dream-category = unknown category
validation-dream-date = use a date like 2026-11-21

dream-category-gothic = Gothic
dream-category-chase = Chase
dream-category-flight = Flight
dream-category-transformation = Transformation
dream-category-physics = Broken physics
dream-category-liminal = Liminal spaces
dream-category-other = Other

dream-analysis-offline = analysed offline
dream-image-offline = offline art
dream-image-skipped-QUOTA_EXCEEDED = No picture this time: today's image quota is used up.
dream-image-skipped-INSUFFICIENT_TOKENS = No picture this time: not enough tokens for an image.
dream-author-anonymous = Anonymous dreamer

dream-video-pending = The video is queued…
dream-video-processing = Filming your dream… { $progress }%
dream-video-completed = Your dream's video is ready.
dream-video-failed = The video could not be made.

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
