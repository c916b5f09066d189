## Бот: /balance, /buy, оплата звёздами, /referrals

bot-tokens = { $count ->
    [one] { $count } токен
    [few] { $count } токена
   *[many] { $count } токенов
}
bot-duration-hours = { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
}
bot-duration-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
bot-time-left = { $hours } ч { $minutes } мин

bot-balance-title = <b>💎 Ваш кошелёк</b>
bot-balance-tokens = Токены: <b>{ $balance }</b>
bot-balance-plan-free = Тариф: Бесплатный
bot-balance-plan-pro = Тариф: <b>Pro</b> до { $until }
bot-balance-quotas = Осталось сегодня по тарифу: разборов { $textLeft } из { $textLimit }, картинок { $imageLeft } из { $imageLimit }
bot-balance-quotas-reset = Дневные лимиты обновятся, когда начнётся ваш день ({ $at }), через { $left }.
bot-balance-ledger-title = <b>Последние операции</b>
bot-balance-ledger-empty = Операций пока нет.
bot-balance-buy = 🛒 Купить
bot-balance-referrals = 🤝 Пригласить друзей

bot-buy-title =
    <b>🛒 Токены и Pro</b>
    Токены оплачивают работу ИИ: анализ, изображения, видео, истории. Pro поднимает дневные лимиты до { $textLimit } текстовых запросов и { $imageLimit } изображений.
    Оплата звёздами Telegram ⭐ — выберите предложение:
bot-buy-offer-tokens = 💎 { $tokens } — ⭐ { $stars }
bot-buy-offer-pass = 🚀 Pro · { $duration } — ⭐ { $stars }
bot-buy-back = ⬅️ Кошелёк

bot-goods-tokens = { $tokens ->
    [one] { $tokens } токен
    [few] { $tokens } токена
   *[many] { $tokens } токенов
}
bot-goods-pass = Pro на { $duration }

bot-pay-receipt-tokens =
    ✅ Оплата получена — спасибо! ⭐ { $stars }
    Начислено: { $goods }. Баланс: <b>{ $balance }</b>.
bot-pay-receipt-pass =
    ✅ Оплата получена — спасибо! ⭐ { $stars }
    { $goods } включён: Pro до <b>{ $until }</b>.
bot-pay-admin-notice = 💫 Новая оплата #{ $id }: { $who } купил(а) { $goods } за ⭐ { $stars }.

bot-referrals-title =
    <b>🤝 Пригласите друзей</b>
    Когда друг запустит Мечту по вашей ссылке, вы получите { $inviter }, а он — { $invitee } в подарок.

    Ваша ссылка: { $link }
    Присоединились: <b>{ $joined }</b>
    Заработано: <b>{ $earned }</b>
bot-referrals-share = 📤 Поделиться ссылкой
bot-referrals-share-text = Мечта ведёт дневник снов, разбирает их и рисует. Присоединяйтесь!
bot-balance-explain =
    ℹ️ Действуют два ограничения. Дневная квота — сколько разборов и картинок в день даёт ваш тариф. Токены — цена каждого действия: разбор { $analysis }, картинка { $image }, видео { $video } (у видео дневной квоты нет). Для действия нужно и то и другое: свободное место в квоте на сегодня и достаточно токенов.
    { $plan ->
        [pro] 🚀 С Pro ваша квота — { $proText } разборов и { $proImage } картинок в день (на бесплатном тарифе — { $freeText } и { $freeImage }).
       *[free] 🚀 Pro поднимает квоту до { $proText } разборов и { $proImage } картинок в день.
    }
