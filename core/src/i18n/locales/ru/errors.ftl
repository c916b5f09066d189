## Ошибки и проверки ввода: конверт ошибок API и ответы бота (error-<КОД>, validation-*)

error-VALIDATION_FAILED = Что-то здесь не так. { $reason }
error-NOT_FOUND = Не удалось найти.
error-USER_BLOCKED = Ваш доступ к Мечте приостановлен.
error-RATE_LIMITED = Слишком много запросов — чуть помедленнее, пожалуйста.
error-UNAUTHORIZED = Войдите снова.
error-INIT_DATA_INVALID = Данные входа Telegram недействительны.
error-INIT_DATA_EXPIRED = Данные входа Telegram устарели; откройте приложение заново.
error-TOKEN_EXPIRED = Сессия истекла; войдите снова.
error-FORBIDDEN = Это действие недоступно.
error-PAYLOAD_TOO_LARGE = Слишком большой объём.
error-UNSUPPORTED_MEDIA_TYPE = Такой тип файла не поддерживается.
error-INTERNAL = Простите, у нас что-то пошло не так.
error-BAD_REQUEST = Некорректный запрос.
error-CONFLICT = Это противоречит уже существующим данным.
error-SERVICE_UNAVAILABLE = Сервис временно недоступен.
error-AI_UNAVAILABLE = Эта функция пока недоступна.
error-DAILY_LIMIT_REACHED = Дневной лимит исчерпан ({ $limit }). Он обновится, когда начнётся ваш следующий день (по умолчанию в 04:00 по вашему времени).
error-QUOTA_EXCEEDED = Дневная квота { $kind ->
    [image] на картинки
   *[other] на ИИ-тексты
} исчерпана ({ $limit }). Она обновится, когда начнётся ваш следующий день (по умолчанию в 04:00 по вашему времени).
error-INSUFFICIENT_TOKENS = Недостаточно токенов: нужно { $price }, у вас { $balance }. Пополнить — /buy.

validation-timezone = неизвестный часовой пояс
validation-reminder = формат ЧЧ:ММ, например 08:30
validation-birthdate = такой даты рождения не бывает
validation-language = выберите ru или en
validation-notification = должно быть да или нет
validation-no-nul = не может содержать символ NUL
validation-day-start = формат ЧЧ:ММ, например 04:00
