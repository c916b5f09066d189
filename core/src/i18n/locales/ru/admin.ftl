## Кошелёк, рефералы и админка через HTTP (Mini App)

api-telegram-unavailable = Оплата через Telegram сейчас недоступна.
validation-offer = такого предложения нет; выберите одно из предложений кошелька
validation-token-amount = целое число, не 0 (положительное начисляет, отрицательное списывает)

admin-alert-job-failed = ⚠️ Фоновая задача окончательно не удалась: { $job } ({ $id }). { $error }
    (Следующие сбои этой задачи 10 минут не сообщаются.)

## Сообщения пользователю, когда админ меняет его счёт
admin-notice-granted = 🎁 Команда Мечты начислила вам токены: { $amount }. Баланс: { $balance }.
admin-notice-revoked = ➖ Команда Мечты списала токены: { $amount }. Баланс: { $balance }.
admin-notice-refunded = ↩️ Платёж #{ $id } возвращён: ⭐ { $stars } вернутся на ваш счёт в Telegram.{ $tokens ->
    [0] {""}
   *[other] { " " }Купленные токены списаны: { $tokens }.
}
admin-notice-plan-pro = 🚀 Команда Мечты открыла вам Pro до { $until }.
admin-notice-plan-free = Команда Мечты перевела вас на бесплатный тариф.
