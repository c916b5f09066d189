app-name = Мечта
loading = Загрузка…

## Sign-in
signin-progress = Входим…
signin-demo-title = Добро пожаловать в Мечту
signin-demo-text = Вы открыли Мечту вне Telegram. Этот сервер работает в демо-режиме, поэтому можно осмотреться как демо-пользователь.
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
settings-language = Язык
settings-timezone = Часовой пояс
settings-timezone-device = Взять пояс этого устройства ({ $zone })
settings-reminder = Утреннее напоминание
settings-reminder-hint = Когда бот спросит о снах прошлой ночи. Оставьте пустым, чтобы отключить.
settings-reminder-clear = Отключить
settings-birth-date = Дата рождения
settings-birth-date-hint = Нужна для нумерологии дня.
settings-notifications = Уведомления
notify-morning = Утреннее напоминание
notify-rituals = Напоминания о ритуалах
notify-weekly = Итоги недели
notify-generations = Готовые картинки и видео
notify-resonances = Резонансы с вашими снами
settings-save = Сохранить
settings-saving = Сохраняем…
settings-saved = Настройки сохранены
settings-unchanged = Нечего сохранять
settings-fix-fields = Проверьте отмеченные поля.
settings-save-failed = Не удалось сохранить: { $message }
