## Errors and input checks: the API error envelope and the bot replies (error-<CODE>, validation-*)

error-VALIDATION_FAILED = Something in that doesn't look right. { $reason }
error-NOT_FOUND = I couldn't find that.
error-USER_BLOCKED = Your access to Mechta has been suspended.
error-RATE_LIMITED = Too many requests — please slow down a little.
error-UNAUTHORIZED = Please sign in again.
error-INIT_DATA_INVALID = Telegram's sign-in data is invalid.
error-INIT_DATA_EXPIRED = Telegram's sign-in data has expired; reopen the app.
error-TOKEN_EXPIRED = Your session has expired; sign in again.
error-FORBIDDEN = You can't do that.
error-PAYLOAD_TOO_LARGE = That is too large.
error-UNSUPPORTED_MEDIA_TYPE = That type of file isn't supported.
error-INTERNAL = Sorry, something went wrong on our side.
error-BAD_REQUEST = The request is malformed.
error-CONFLICT = That conflicts with something that already exists.
error-SERVICE_UNAVAILABLE = The service is temporarily unavailable.
error-AI_UNAVAILABLE = That feature isn't available yet.
error-DAILY_LIMIT_REACHED = You've reached today's limit ({ $limit }). It resets when your next day starts (by default at 04:00 your time).
error-QUOTA_EXCEEDED = Today's { $kind ->
    [image] image
   *[other] AI text
} quota is used up ({ $limit }). It resets when your next day starts (by default at 04:00 your time).
error-INSUFFICIENT_TOKENS = Not enough tokens: this costs { $price }, you have { $balance }. Top up with /buy.

validation-timezone = unknown time zone
validation-reminder = use HH:MM, e.g. 08:30
validation-birthdate = not a real date of birth
validation-language = choose ru or en
validation-notification = must be true or false
validation-no-nul = must not contain a NUL character
validation-day-start = use HH:MM, e.g. 04:00
