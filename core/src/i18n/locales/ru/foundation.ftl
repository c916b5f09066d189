## Основа: старт, помощь, меню, настройки, ошибки

start-new = Привет, { $name }! ✨ Я Мечта — дневник ваших ночных снов и спутник дневных мечт.
    Расскажите сон — я разберу его, нарисую и сохраню. Делитесь моментами дня и смотрите, с чьими снами они перекликаются.
start-returning = С возвращением, { $name }! Что делаем?
start-referred = Вы пришли по приглашению друга — добро пожаловать!
menu-title = Главное меню
menu-dream = 🌙 Записать сон
menu-journal = 📖 Дневник
menu-feed = 🌍 Лента
menu-today = 🔮 Энергия дня
menu-balance = 💎 Баланс
menu-settings = ⚙️ Настройки
menu-help = ❓ Помощь
menu-open-app = 📱 Открыть Мечту
menu-coming-soon = Этот раздел Мечты скоро появится.
help =
    <b>Мечта</b> хранит ваши сны — ночные и дневные.

    /dream — записать сон (текстом или голосом)
    /dreams — дневник, /dreams слова — поиск по нему
    /feed — сны, которыми поделились за последние 24 часа
    /moment — момент на 60 секунд
    /today — энергия дня
    /wheel, /wants, /goals, /ritual — работа с мечтами наяву
    /balance, /buy, /referrals — токены, тарифы и приглашения
    /settings — язык, часовой пояс, напоминания
    /export — скачать всё, /delete_me — удалить всё
    /cancel — прервать текущее действие
cancel-done = Отменено. Из незавершённого шага ничего не сохранено.
cancel-nothing = Отменять нечего.
unknown-message = Я не совсем понял. Попробуйте /menu или /help.
blocked = Ваш доступ к Мечте приостановлен. Если это ошибка, напишите владельцу бота.
error-generic = Простите, у нас что-то пошло не так. Попробуйте через минуту.

settings-title =
    <b>Настройки</b>
    Язык: { $language }
    Часовой пояс: { $timezone }
    Утреннее напоминание: { $reminder }
    Дата рождения: { $birthDate }
settings-not-set = не указана
settings-off = выключено
settings-language = 🌐 Язык
settings-timezone = 🕰 Часовой пояс
settings-reminder = ⏰ Утреннее напоминание
settings-birthdate = 🎂 Дата рождения
settings-notifications = 🔔 Уведомления
settings-done = ✅ Готово
settings-choose-language = Выберите язык:
settings-language-saved = Язык: русский.
settings-ask-timezone = Пришлите часовой пояс, например <code>Europe/Moscow</code>, <code>Asia/Almaty</code> или <code>UTC+3</code>. Или выберите ниже.
settings-timezone-saved = Часовой пояс: { $timezone }.
settings-ask-reminder = Во сколько по местному времени спрашивать о снах? Пришлите время как <code>ЧЧ:ММ</code> (например, <code>08:30</code>) или <code>выкл</code>.
settings-reminder-saved = Утреннее напоминание: { $reminder }.
settings-ask-birthdate = Пришлите дату рождения как <code>ДД.ММ.ГГГГ</code> (для нумерологии в /today) или <code>очистить</code>.
settings-birthdate-saved = Дата рождения сохранена: { $birthDate }.
settings-notifications-title = Нажмите, чтобы включить или выключить уведомления:
notify-morning = Утреннее напоминание
notify-rituals = Напоминания о ритуалах
notify-weekly = Недельный обзор
notify-generations = Готовые генерации
notify-resonances = Резонансы
settings-try-again = Попробуйте ещё раз или отправьте /cancel.

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
error-AI_UNAVAILABLE = Эта функция ИИ недоступна на этом сервере.
error-DAILY_LIMIT_REACHED = Дневной лимит исчерпан ({ $limit }). Он обновится в полночь по вашему времени.
error-QUOTA_EXCEEDED = Дневная квота «{ $kind }» исчерпана ({ $limit }). Она обновится в полночь по вашему времени.
error-INSUFFICIENT_TOKENS = Недостаточно токенов: нужно { $price }, у вас { $balance }. Пополнить — /buy.

validation-timezone = неизвестный часовой пояс
validation-reminder = формат ЧЧ:ММ, например 08:30
validation-birthdate = такой даты рождения не бывает
validation-language = выберите ru или en
validation-notification = должно быть да или нет
validation-no-nul = не может содержать символ NUL

## Основа бота: описания команд (setMyCommands), меню, ввод настроек
cmd-start = Начать
cmd-help = Что умеет Мечта
cmd-menu = Главное меню
cmd-dream = Записать сон
cmd-dreams = Дневник снов
cmd-moment = Момент на 60 секунд
cmd-feed = Сны, которыми поделились сегодня
cmd-today = Энергия дня
cmd-wheel = Колесо жизни
cmd-wants = Ваши желания
cmd-ritual = Ежедневные ритуалы
cmd-goals = Цели и шаги
cmd-balance = Токены и тариф
cmd-buy = Купить токены или Pro
cmd-referrals = Пригласить друзей
cmd-settings = Язык, часовой пояс, напоминания
cmd-export = Скачать все свои данные
cmd-delete_me = Удалить все свои данные
cmd-cancel = Прервать текущее действие
cmd-admin = Администрирование
menu-button = Мечта
menu-outdated = Это меню устарело — вот свежее.
button-expired = Эта кнопка больше не работает. Попробуйте /menu.
settings-back = ⬅️ Назад
settings-invalid = Не получилось: { $reason }.
settings-birthdate-cleared = Дата рождения удалена.
