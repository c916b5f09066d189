## Кошелёк: токены, квоты, пропуска, оплата звёздами, приглашения

wallet-plan-free = Бесплатный
wallet-plan-pro = Pro
wallet-hours = { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}

wallet-action-analysis = анализ сна
wallet-action-image = изображение
wallet-action-video = видео
wallet-action-story = история будущего
wallet-action-lora_training = обучение фотомодели
wallet-action-photo = фото во сне

wallet-kind-welcome = Подарок при знакомстве
wallet-kind-spend = Списание
wallet-kind-refund = Возврат
wallet-kind-purchase = Покупка
wallet-kind-purchase_refund = Возврат покупки
wallet-kind-referral_inviter = Друг присоединился
wallet-kind-referral_invitee = Бонус за приглашение
wallet-kind-grant = Подарок от команды
wallet-kind-revoke = Корректировка

wallet-invoice-tokens-title = { $tokens } токенов Мечты
wallet-invoice-tokens-description = { $tokens } токенов на анализ снов, изображения, видео и истории в Мечте.
wallet-invoice-pass-title = Мечта Pro на { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
wallet-invoice-pass-description = Pro на { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}: больше ежедневных лимитов и сохранённые моменты. Продлевает уже действующий пропуск.

wallet-precheckout-blocked = Ваш доступ к Мечте приостановлен, поэтому покупка невозможна.
wallet-precheckout-offer-unknown = Это предложение больше недоступно. Откройте /buy ещё раз.
wallet-precheckout-offer-changed = Цена этого предложения изменилась. Откройте /buy, чтобы получить новый счёт.
wallet-precheckout-price-mismatch = Сумма не совпадает с ценой предложения. Откройте /buy ещё раз.
wallet-precheckout-other-user = Этот счёт выставлен другому аккаунту. Откройте /buy сами.

wallet-referral-joined = 🎉 По вашему приглашению к Мечте присоединился новый участник: { $name }. Вам { $bonus } токенов!

# A lens reading of a dream (core/src/readings)
wallet-action-reading = прочтение сна
