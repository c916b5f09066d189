## Бот: старт, помощь, меню, настройки, описания команд (setMyCommands)

start-new = Привет, { $name }! ✨ Я Мечта — дневник ваших ночных снов и спутник дневных мечт.
    Расскажите сон — я разберу его и сохраню. { $images ->
        [0] Картинки к снам — в тарифе pro.
        [1] На бесплатном тарифе я ещё нарисую картинку к первому сну каждого дня.
       *[other] На бесплатном тарифе я ещё нарисую картинки к первым { $images } снам каждого дня.
    }
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

    /dream — записать сон { $voice ->
        [yes] (текстом или голосом)
       *[no] (текстом)
    }
    /dreams — дневник, /dreams слова — поиск по нему
    /feed — сны, которыми поделились за последние 24 часа
    /balance, /buy, /referrals — токены, тарифы и приглашения
    /settings — язык, часовой пояс, напоминания
    /cancel — прервать текущее действие
cancel-done = Отменено. Из незавершённого шага ничего не сохранено.
cancel-nothing = Отменять нечего.
unknown-message = Я не совсем поняла. Попробуйте /menu или /help.
blocked = Ваш доступ к Мечте приостановлен. Если это ошибка, напишите владельцу бота.
error-generic = Простите, у нас что-то пошло не так. Попробуйте через минуту.

settings-card =
    <b>Настройки</b>
    Язык: { $language }
    Часовой пояс: { $timezone }
    Утреннее напоминание: { $reminder }
    День начинается в: { $dayStart }
    Дата рождения: { $birthDate }
settings-not-set = не указана
settings-off = выключено
settings-birthdate = 🎂 Дата рождения
settings-choose-language = Выберите язык:
settings-language-saved = Язык: русский.
settings-ask-timezone = Пришлите часовой пояс, например <code>Europe/Moscow</code>, <code>Asia/Almaty</code> или <code>UTC+3</code>. Или выберите ниже.
settings-timezone-saved = Часовой пояс: { $timezone }.
settings-ask-reminder = Во сколько по местному времени спрашивать о снах? Пришлите время как <code>ЧЧ:ММ</code> (например, <code>08:30</code>) или <code>выкл</code>.
settings-reminder-saved = Утреннее напоминание: { $reminder }.
settings-ask-birthdate = Пришлите дату рождения как <code>ДД.ММ.ГГГГ</code> (для нумерологии в /today) или <code>очистить</code>.
settings-birthdate-saved = Дата рождения сохранена: { $birthDate }.
settings-notifications-title = Нажмите, чтобы включить или выключить уведомления:
settings-try-again = Попробуйте ещё раз или отправьте /cancel.

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
menu-back = ⬅️ Назад
settings-ask-day-start = Во сколько начинается ваш день? Отправьте время как <code>ЧЧ:ММ</code>, например <code>04:00</code>: сон, записанный раньше, относится к прошедшей ночи (по этому дню считаются квоты и даты в дневнике).
settings-day-start-saved = Теперь ваш день начинается в { $dayStart }.
onboarding-timezone-ask = В каком вы часовом поясе? Тогда напоминания будут приходить вовремя, а день будет начинаться в 04:00 по вашему времени.
onboarding-timezone-other = Другой…
onboarding-timezone-skip = Пропустить
onboarding-timezone-skipped = Пока оставлю UTC — изменить можно в любой момент в /settings.
