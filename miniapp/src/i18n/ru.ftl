app-name = Мечта
loading = Загрузка…
load-more-failed = Не удалось загрузить ещё: { $message }

## Sign-in
signin-progress = Входим…
signin-demo-title = Добро пожаловать в Мечту
signin-demo-text = Вы открыли Мечту вне Telegram. Это демо-режим: можно осмотреться как демо-пользователь.
signin-demo-button = Продолжить как демо-пользователь
signin-telegram-title = Откройте Мечту в Telegram
signin-telegram-text = Мечта входит через ваш аккаунт Telegram. Откройте приложение кнопкой меню в боте.
signin-telegram-link = Открыть @{ $bot }
signin-failed-title = Не удалось войти
signin-retry = Попробовать снова

## Errors
error-title = Что-то пошло не так
error-text = В приложении произошла непредвиденная ошибка. Обычно помогает перезагрузка.
error-reload = Перезагрузить
error-network = Нет связи с сервером. Проверьте интернет и попробуйте снова.

## Navigation
nav-back = Назад
route-home = Главная
route-dreams = Дневник
route-dreams-new = Записать сон
route-feed = Лента
route-wallet = Кошелёк
route-profile = Профиль

## Home
greeting-morning = Доброе утро, { $name }
greeting-day = Добрый день, { $name }
greeting-evening = Добрый вечер, { $name }
greeting-night = Доброй ночи, { $name }
home-subtitle = Что вам снилось этой ночью?
home-actions = Быстрые действия
action-log-dream = Записать сон
action-log-dream-hint = Пока он не забылся
action-journal = Дневник
action-journal-hint = Ваши сны с разбором
action-feed = Лента
action-feed-hint = Сны, которыми поделились сегодня
action-wallet = Кошелёк
action-wallet-hint = Токены и пропуска
home-settings = Профиль и настройки
home-settings-hint = Язык, часовой пояс, напоминания
plan-free = Free
plan-pro = Pro

## Coming soon
coming-soon-title = Скоро
coming-soon-text = Этот раздел Мечты уже в пути. А пока бот умеет это в чате.
coming-soon-home = На главную

## Profile and settings
profile-since = С Мечтой с { $date }
settings-title = Настройки
settings-timezone-device = Взять пояс этого устройства ({ $zone })
settings-reminder-hint = Когда бот спросит о снах прошлой ночи. Оставьте пустым, чтобы отключить.
settings-reminder-clear = Отключить
settings-birth-date = Дата рождения
settings-birth-date-hint = Нужна для нумерологии дня.
settings-save = Сохранить
settings-saving = Сохраняем…
settings-saved = Настройки сохранены
settings-unchanged = Нечего сохранять
settings-fix-fields = Проверьте отмеченные поля.
settings-save-failed = Не удалось сохранить: { $message }

## Сны (дневник, новый сон, сон, лента, инсайты)
route-dream = Сон
route-insights = Инсайты
home-insights = Инсайты
home-insights-hint = Символы, эмоции и серии
dreams-retry = Попробовать снова
dreams-cancel = Отмена
dreams-date-today = Сегодня
dreams-date-yesterday = Вчера
dreams-duration-minutes = { $minutes } мин
dreams-duration-hours-minutes = { $minutes ->
    [0] { $hours } ч
   *[other] { $hours } ч { $minutes } мин
}
dreams-tokens = { $count ->
    [one] { $count } токен
    [few] { $count } токена
    [many] { $count } токенов
   *[other] { $count } токена
}
dreams-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}

mood-1 = Тревожно
mood-2 = Грустно
mood-3 = Ровно
mood-4 = Хорошо
mood-5 = Спокойно

dream-image-alt = Картина сна «{ $title }»
dream-status-analysing = Читаю ваш сон…
dream-status-painting = Рисую…
dream-image-offline = офлайн-арт
dream-image-failed = Картину нарисовать не получилось.
dream-lucid-short = Осознанный
dream-lucid = Осознанный сон
dream-shared-badge = В ленте
dream-by = автор: { $name }

journal-search = Поиск по снам
journal-search-clear = Очистить поиск
journal-filter-category = Категория
journal-filter-more = Другие фильтры
journal-filter-all = Все
journal-filter-lucid = ✦ Осознанные
journal-total = { $count ->
    [one] { $count } сон
    [few] { $count } сна
    [many] { $count } снов
   *[other] { $count } сна
}
journal-found = { $count ->
    [one] Найден { $count } сон
    [few] Найдено { $count } сна
    [many] Найдено { $count } снов
   *[other] Найдено { $count } сна
}
journal-load-more = Показать ещё
journal-load-failed = Не удалось загрузить дневник
journal-empty-title = Дневник пока пуст
journal-empty-text = Запишите первый сон, который помните, — Мечта прочтёт его символы и нарисует его.
journal-empty-action = Записать сон
journal-nothing-found = Ничего не нашлось
journal-nothing-found-text = Ни один сон не подходит под эти фильтры. Попробуйте другие слова или сбросьте фильтры.
journal-clear-filters = Сбросить фильтры

new-dream-text = Что вам снилось?
new-dream-text-placeholder = Я шла по дому, которого никогда не видела, и каждая дверь открывалась на море…
new-dream-min = Не меньше { $min } символов
new-dream-counter = { $count } / { $max }
new-dream-title = Название
new-dream-title-placeholder = Необязательно — Мечта придумает сама
new-dream-lucid = Осознанный сон
new-dream-lucid-hint = Я понимал(а), что сплю
new-dream-mood = Настроение перед сном
new-dream-note = Мечта разберёт сон и нарисует его в фоне; картинка появится в дневнике через несколько мгновений.
new-dream-save = Сохранить сон
new-dream-saving = Сохраняем…
new-dream-saved = Сон сохранён — уже разбираем его
new-dream-fix-fields = Проверьте отмеченные поля.
new-dream-top-up = Пополнить

dream-text = Сон
dream-analysis = Разбор
dream-analysing = Читаю символы вашего сна…
dream-analysis-failed = Этот сон разобрать не удалось. Токены за него вернулись на баланс.
dream-analysis-offline = разобрано офлайн
dream-confidence = Уверенность { $percent }%
dream-themes = Темы
dream-emotions = Эмоции
dream-symbols = Символы

dream-video = Видео
dream-video-intro = Короткий ролик по вашему сну — как будто вашими глазами.
dream-video-wait = Видео можно будет сделать, когда будет готов разбор.
dream-video-request = Создать видео
dream-video-retry = Попробовать снова
dream-video-requesting = Отправляем…
dream-video-pending = Видео в очереди…
dream-video-processing = Снимаю ваш сон… { $progress }%
dream-video-failed = Видео сделать не получилось; токены вернулись на баланс.
dream-video-not-charged = Ничего не списано.

dream-share = Публикация
dream-share-intro = Этот сон видите только вы. Опубликованный, он пробудет в общей ленте 24 часа, а в вашем дневнике останется навсегда.
dream-share-named = Поделиться под своим именем
dream-share-anonymous = Поделиться анонимно
dream-make-anonymous = Скрыть имя
dream-show-name = Показать имя
dream-unshare = Убрать из ленты
dream-public-named = В общей ленте под вашим именем.
dream-public-anonymous = В общей ленте, анонимно.
dream-shared = Сон опубликован в ленте
dream-shared-anonymously = Опубликовано анонимно
dream-unshared = Сон убран из ленты
dream-views = { $count ->
    [one] { $count } просмотр
    [few] { $count } просмотра
    [many] { $count } просмотров
   *[other] { $count } просмотра
}

dream-delete = Удалить сон
dream-delete-confirm-title = Удалить этот сон?
dream-delete-confirm-text = Сон, его разбор, картина и видео будут удалены навсегда.
dream-delete-confirm = Удалить
dream-deleting = Удаляем…
dream-deleted = Сон удалён

dream-missing-title = Сон не найден
dream-missing-text = Возможно, его удалили или он уже покинул общую ленту.
dream-missing-action = Открыть дневник
dream-load-failed = Не удалось загрузить сон

feed-intro = Сны, которыми поделились за последние 24 часа.
feed-time-left = ещё { $time }
feed-yours = Ваш
feed-load-failed = Не удалось загрузить ленту
feed-empty-title = В ленте тихо
feed-empty-text = За последние сутки никто не поделился сном. Поделитесь своим из дневника.
feed-empty-action = Открыть дневник

insights-streak = Текущая серия
insights-total = Записано снов
insights-last-30 = { $count ->
    [one] { $count } день со снами за 30 дней
    [few] { $count } дня со снами за 30 дней
    [many] { $count } дней со снами за 30 дней
   *[other] { $count } дня со снами за 30 дней
}
insights-lucid = Осознанные сны
insights-lucid-hint = от всех ваших снов
insights-longest = Лучшая серия
insights-longest-hint = подряд
insights-total-hint = в вашем дневнике
insights-categories = Какие сны снятся
insights-symbols = Повторяющиеся символы
insights-emotions = Эмоции по неделям
insights-times = раз
insights-analysed = { $count ->
    [one] разобран
   *[other] разобрано
}
insights-no-analysis = Распределение появится, когда сны будут разобраны.
insights-no-symbols = Повторяющихся символов пока нет.
insights-no-emotions = За последние 12 недель эмоций не записано.
insights-load-failed = Не удалось загрузить инсайты
insights-empty-title = Пока нечего показать
insights-empty-text = Запишите несколько снов — здесь появятся их символы, эмоции и серии.

## Wallet, referrals and admin
route-admin = Админка
route-admin-user = Пользователь
admin-link-hint = Цифры, платежи и пользователи
wallet-balance = Баланс
wallet-tokens-unit = { $count ->
    [one] токен
    [few] токена
   *[many] токенов
}
wallet-token-count = { $count ->
    [one] { $count } токен
    [few] { $count } токена
   *[many] { $count } токенов
}
wallet-pro-until = Pro до { $date }
wallet-pro-left = осталось { $left }
wallet-enough-for = { $count ->
    [0] Пока не хватает на разбор сна
    [one] Хватит на { $count } разбор сна
    [few] Хватит на { $count } разбора снов
   *[many] Хватит на { $count } разборов снов
}
wallet-free-hint = Тариф Free
wallet-left-days-hours = { $days } д { $hours } ч
wallet-left-hours-minutes = { $hours } ч { $minutes } мин
wallet-left-minutes = { $minutes } мин
wallet-duration-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
}
wallet-duration-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}
wallet-today-at = Сегодня, { $time }
wallet-yesterday-at = Вчера, { $time }
wallet-today = Лимиты на сегодня
wallet-quota-text = Разборы снов
wallet-quota-image = Картинки
wallet-quota-used = { $used } из { $limit }
wallet-quota-resets = Обновятся в { $time }
wallet-prices = Что сколько стоит
wallet-price-analysis = Разбор сна
wallet-price-image = Картинка сна
wallet-price-video = Видео сна
wallet-price-story = История будущего
wallet-price-lora_training = Личная фотомодель
wallet-price-photo = Вы в своём сне
wallet-price-free = бесплатно
wallet-buy-tokens = Пополнить токены
wallet-buy-pass = Пропуска Pro
wallet-pass-hint = Pro: больше лимитов на день
wallet-pack-save = −{ $percent }%
wallet-offer-tokens-label = { $count } токенов за { $stars ->
    [one] { $stars } звезду
    [few] { $stars } звезды
   *[many] { $stars } звёзд
}
wallet-offer-pass-label = Пропуск Pro на { $duration } за { $stars ->
    [one] { $stars } звезду
    [few] { $stars } звезды
   *[many] { $stars } звёзд
}
wallet-paid = Оплата получена, спасибо!
wallet-payment-failed = Оплата не прошла. Звёзды не списаны.
wallet-payment-pending = Платёж обрабатывается; баланс обновится, как только он пройдёт.
wallet-payment-external = Завершите оплату в Telegram; баланс обновится, как только она пройдёт.
wallet-outside-telegram = Оплата звёздами работает внутри Telegram. Откройте Мечту из бота, чтобы купить, или откройте счёт в приложении Telegram.
wallet-open-invoice = Открыть счёт в Telegram
wallet-notice-close = Закрыть
wallet-unavailable = Кошелёк недоступен
wallet-retry = Попробовать снова
wallet-load-failed = Не удалось загрузить: { $message }
wallet-load-more = Показать ещё
wallet-history = История
wallet-history-empty = Операций пока нет.
wallet-balance-after = баланс { $balance }
referral-section = Пригласите друзей
referral-title = Мечтайте вместе
referral-text = Когда друг запустит бота по вашей ссылке, вы получите { $inviter ->
    [one] { $inviter } токен
    [few] { $inviter } токена
   *[many] { $inviter } токенов
}, а друг — { $invitee }.
referral-link = Ваша ссылка-приглашение
referral-copy = Копировать
referral-copied = Ссылка скопирована
referral-copy-failed = Не удалось скопировать ссылку
referral-share = Поделиться
referral-share-text = Я веду дневник снов в Мечте. Присоединяйся!
referral-no-link = Ваш код приглашения — { $code }. Ссылка появится, когда подключат бота.
referral-joined = Пришло друзей
referral-earned = Заработано токенов
ledger-welcome = Приветственный бонус
ledger-spend = Работа ИИ
ledger-refund = Возврат за незавершённую работу
ledger-refund-for = Возврат: { $what }
ledger-purchase = Покупка токенов
ledger-purchase_refund = Возврат покупки
ledger-referral_inviter = Друг пришёл по вашей ссылке
ledger-referral_invitee = Бонус за приглашение
ledger-grant = Подарок от Мечты
ledger-revoke = Корректировка
admin-tab-overview = Обзор
admin-tab-payments = Платежи
admin-tab-users = Люди
admin-stat-users = Пользователи
admin-stat-active-today = Активны сегодня
admin-stat-active-week = Активны за неделю
admin-stat-payments = Платежи
admin-stat-refunded = возвратов: { $count }
admin-stat-revenue = Выручка в звёздах
admin-stat-tokens-issued = Выдано токенов
admin-stat-revoked = забрано: { $count }
admin-stat-tokens-spent = Потрачено токенов
admin-charts = Последние 30 дней
admin-chart-users = Пользователи
admin-chart-users-series = Всего
admin-chart-users-new = Новых за день
admin-chart-users-total = { $total } · +{ $added } за 30 дней
admin-chart-revenue = Выручка в звёздах
admin-chart-revenue-series = Выручка
admin-chart-payments-total = { $count ->
    [one] { $count } платёж
    [few] { $count } платежа
   *[many] { $count } платежей
}
admin-chart-tokens = Движение токенов за всё время
admin-chart-tokens-net = итого { $count }
admin-chart-tokens-series = Токены
admin-payment-pass = Pro · { $duration }
admin-payment-shortfall = уже потрачено токенов: { $count }
admin-user-id = Пользователь { $id }
admin-payment-paid = Оплачен
admin-payment-refunded = Возвращён
admin-payment-refunding = Идёт возврат
admin-refund = Вернуть
admin-refund-confirm = Вернуть { $stars ->
    [one] { $stars } звезду
    [few] { $stars } звезды
   *[many] { $stars } звёзд
} и забрать { $what }?
admin-refund-yes = Вернуть
admin-refunding = Возвращаем…
admin-refund-done = Платёж возвращён
admin-refund-finish = Завершить возврат
admin-refund-pending = Telegram ещё не подтвердил возврат. Он завершится сам в течение нескольких минут — или нажмите ещё раз.
admin-cancel = Отмена
admin-payments-empty = Платежей пока нет.
admin-search = Telegram id, @username или имя
admin-search-clear = Очистить поиск
admin-search-empty = Никого не нашли.
admin-users-empty = Пользователей пока нет.
admin-search-hint = Сначала новые. Ищите по Telegram id, @username или имени.
admin-badge-admin = Админ
admin-badge-blocked = Заблокирован
admin-user-missing = Пользователь не найден
admin-fact-balance = Баланс
admin-fact-plan = Тариф
admin-fact-pro-until = Pro до { $date }
admin-fact-quotas = Использовано сегодня
admin-fact-quotas-value = тексты { $text }/{ $textLimit } · картинки { $image }/{ $imageLimit }
admin-fact-payments = Платежи
admin-fact-payments-value = { $count } · { $stars ->
    [one] { $stars } звезда
    [few] { $stars } звезды
   *[many] { $stars } звёзд
}
admin-stars = { $count ->
    [one] { $count } звезда
    [few] { $count } звезды
   *[many] { $count } звёзд
}
admin-fact-referrals = Пригласил
admin-fact-joined = С нами с
admin-fact-seen = Был в сети
admin-fact-language = Язык, часовой пояс
admin-section-tokens = Токены
admin-section-plan = Тариф
admin-section-access = Доступ
admin-section-payments = Платежи
admin-tokens-amount = Сколько
admin-tokens-reason = Причина
admin-tokens-reason-placeholder = Видна в истории
admin-grant = Начислить
admin-revoke = Забрать
admin-granted = Начислено токенов: { $count }
admin-revoked = Забрано токенов: { $count }
admin-plan = Тариф
admin-plan-hours = Срок пропуска
admin-plan-pro-hint = Начнётся сейчас.
admin-plan-extend-hint = Добавится к текущему пропуску.
admin-plan-free-hint = Текущий пропуск Pro закончится сейчас.
admin-plan-apply = Установить тариф
admin-plan-done = Тариф обновлён
admin-access-active = { $name } может пользоваться ботом и приложением.
admin-access-blocked = Пользователь { $name } заблокирован: бот отвечает одним вежливым сообщением, приложение не пускает.
admin-access-admin = Админов нельзя заблокировать.
admin-block = Заблокировать
admin-unblock = Разблокировать
admin-block-confirm = { $name } — заблокировать? Пользователь получит одно вежливое сообщение и больше ничего.
admin-blocked-done = Пользователь заблокирован
admin-unblocked-done = Пользователь разблокирован

dream-status-waiting = Разбор ждёт
dream-status-skipped = Без разбора
dream-analysis-waiting = Разбор ждёт: сегодняшние разборы закончились. Сон сохранён, я разберу его завтра, когда обновится дневной лимит, — или сразу с Pro.
dream-analysis-waiting-buy = Pro или токены
dream-analysis-skipped = Сохранён без разбора.
dream-analysis-ask = Разобрать сон
dream-analysis-ask-priced = Разобрать сон — { $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
}
new-dream-mood-waking = Настроение при пробуждении
dream-mood-waking-badge = При пробуждении: { $mood }
new-dream-no-analysis = Сохранить без разбора
new-dream-no-analysis-hint = Только дневник: ничего не спишется. Разбор можно попросить позже.
new-dream-saved-quiet = Сон сохранён в дневник
## Правка сохранённого сна, повторный разбор
dream-edit = Изменить
dream-edit-title = Правка сна
dream-edit-save = Сохранить изменения
dream-edit-saving = Сохраняю…
dream-edit-saved = Изменения сохранены
dream-edit-unchanged = Сохранять нечего: сон не изменился.
dream-edit-mood = Настроение
dream-edit-title-hint = Можно оставить пустым
dream-reanalyse-title = Текст изменился
dream-reanalyse-text = Разбор ниже сделан по прежнему тексту. Мечта может разобрать сон заново.
dream-reanalyse = Разобрать заново
dream-reanalysing = Читаю новый текст… пока показан прежний разбор.
dream-reanalyse-started = Разбираю сон заново
dream-voice = Голосовая запись
wallet-quota-explain = Действуют два ограничения. Дневная квота — сколько разборов и картинок в день даёт ваш тариф. Токены — цена каждого действия: разбор { $analysis }, картинка { $image }, видео { $video } (у видео дневной квоты нет). Для действия нужно и то и другое: свободное место в квоте на сегодня и достаточно токенов.
wallet-quota-pro-lifts = Pro поднимает квоту до { $proText } разборов и { $proImage } картинок в день.
wallet-quota-pro-lifted = С Pro ваша квота — { $proText } разборов и { $proImage } картинок в день (на бесплатном тарифе — { $freeText } и { $freeImage }).
## Readings: lenses on a dream (pages/dreams/ReadingsCard.tsx)
dream-readings = Прочтения
dream-readings-intro = Три взгляда на сон. Каждый — лишь одна из точек зрения, последнее слово за вами.
dream-reading-lens-jung = Юнгианское: архетипы
dream-reading-lens-cognitive = Когнитивное: день и чувства
dream-reading-lens-folk = Народные поверья (фольклор)
dream-reading-request = Прочитать
dream-reading-working = Читаю…
dream-reading-offline = По словарю символов
dream-reading-verdict = Подходит ли это прочтение?
dream-reading-fits = Подходит
dream-reading-does-not-fit = Не подходит
wallet-price-reading = Прочтение сна (одна линза)
settings-day-start-hint = Сон, записанный раньше этого времени, относится к прошедшей ночи; дневные лимиты обновляются в это время.
