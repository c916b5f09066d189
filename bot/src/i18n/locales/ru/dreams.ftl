## Бот: /dream (запись текстом или голосом), карточка сна, /dreams (дневник), /feed

bot-dream-ask = 🌙 Расскажите сон: напишите его или пришлите голосовое сообщение. /cancel — отменить.
bot-dream-send-text-or-voice = Сон можно прислать текстом или голосовым сообщением. Пришлите ещё раз или /cancel.
bot-dream-text-invalid = Так не получится: { $reason } ({ $length } симв.; сон — от { $min } до { $max }). Пришлите сон ещё раз или /cancel.
bot-dream-send-again = Пришлите сон ещё раз или /cancel.
bot-dream-voice-unavailable = Голосовые сообщения я пока не слушаю. Напишите сон текстом, пожалуйста.
bot-dream-voice-too-long = Голосовое слишком длинное (до { $minutes } минут). Пришлите покороче или напишите сон текстом.
bot-dream-voice-failed = Не получилось разобрать голосовое сообщение. Попробуйте ещё раз или напишите сон текстом.
bot-dream-voice-empty = В голосовом сообщении не слышно слов. Попробуйте ещё раз или напишите сон текстом.
bot-dream-voice-invalid =
    Я услышала: <i>{ $text }</i>
    Так не получится: { $reason } ({ $length } симв.; сон — от { $min } до { $max }). Пришлите сон ещё раз или /cancel.

bot-dream-review-title = <b>Ваш сон</b>
bot-dream-review-heard = <b>Вот что я услышала</b>
bot-dream-review-extras = 🌟 Осознанный: { $lucid } · Настроение перед сном: { $mood }
bot-dream-review-hint = Отметьте, был ли сон осознанным, и настроение перед сном, затем сохраните. Чтобы изменить текст, нажмите ✏️ Изменить или просто пришлите новый.
bot-dream-review-hint-heard = Всё верно? Сохраните или нажмите ✏️ Изменить и пришлите исправленный текст.
bot-dream-yes = да
bot-dream-no = нет
bot-dream-mood-none = не указано
bot-dream-mood-value = { $face } { $mood }/5
bot-dream-button-lucid = 🌟 Осознанный
bot-dream-button-save = ✅ Сохранить
bot-dream-button-edit = ✏️ Изменить
bot-dream-button-cancel = ✖️ Отмена
bot-dream-ask-edit = ✏️ Пришлите исправленный текст сна.
bot-dream-cancelled = Отменено. Этот сон не сохранён.
bot-dream-analysing = 🔮 Разбираю ваш сон…

bot-dream-card-lucid = 🌟 осознанный
bot-dream-card-mood = настроение перед сном { $mood }
bot-dream-card-author = 👤 { $name }
bot-dream-card-themes = 🧭 Темы: { $list }
bot-dream-card-emotions = 💭 Эмоции: { $list }
bot-dream-card-symbols = 🔑 Символы: { $list }
bot-dream-card-offline = ⚙️ Краткий разбор по словарю символов
bot-dream-card-pending = 🔮 Ещё разбираю…
bot-dream-card-failed = ⚠️ Разобрать сон не получилось.
bot-dream-card-drawing = 🎨 Рисую ваш сон…
bot-dream-card-public = 🌍 В общей ленте, осталось { $left }
bot-dream-card-public-anonymous = 🕶 В общей ленте анонимно, осталось { $left }
bot-dream-card-in-feed = ⏳ В ленте ещё { $left } · 👁 { $views }
bot-dream-card-link = 🔗 { $link }
bot-dream-left = { $hours ->
    [0] { $minutes } мин
   *[other] { $minutes ->
        [0] { $hours } ч
       *[other] { $hours } ч { $minutes } мин
    }
}

bot-dream-button-video = 🎬 Сделать видео ({ $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
})
bot-dream-button-share = 🌍 Поделиться
bot-dream-button-share-anonymous = 🕶 Анонимно
bot-dream-button-unshare = 🔒 Убрать из ленты
bot-dream-button-delete = 🗑 Удалить
bot-dream-button-open-app = 📱 Открыть в Мечте
bot-dream-button-delete-confirm = 🗑 Да, удалить
bot-dream-button-delete-keep = ↩️ Оставить
bot-dream-deleted = 🗑 Сон удалён вместе с картинкой и видео.
bot-dream-shared = 🌍 Сон в общей ленте на { $left }.
bot-dream-shared-anonymous = 🕶 Сон в общей ленте анонимно на { $left }.
bot-dream-unshared = 🔒 Сон снова виден только вам.
bot-dream-not-available = Этот сон недоступен: он личный, удалён или уже ушёл из ленты.

bot-dream-video-queued = 🎬 Видео: в очереди…
bot-dream-video-progress = 🎬 Видео: { $progress }%
bot-dream-video-ready = 🎬 Видео: готово ✅
bot-dream-video-failed = 🎬 Видео: не получилось
bot-dream-video-unavailable = 🎬 Видео пока недоступно; ничего не списано.
bot-dream-video-busy = Видео этого сна уже снимается.
bot-dream-video-done = Видео этого сна уже готово — оно выше в этом чате.
bot-dream-image-offline = 🎨 офлайн-арт

bot-dream-journal-empty = 📖 Дневник пока пуст. Расскажите сон: /dream
bot-dream-journal-title = 📖 <b>Дневник снов</b> — { $total } { $total ->
    [one] сон
    [few] сна
   *[many] снов
}
bot-dream-journal-search = 🔎 «{ $q }»
bot-dream-journal-category = 🏷 { $category }
bot-dream-journal-nothing = Ничего не нашлось. Попробуйте другие слова или другую категорию.
bot-dream-journal-hint = Нажмите на сон, чтобы открыть его. Поиск: <code>/dreams слова</code>
bot-dream-page = Страница { $page } из { $pages }
bot-dream-filter-all = Все
bot-dream-clear-search = ✖️ Сбросить поиск

bot-dream-feed-empty = 🌍 За последние { $hours } ч никто не поделился сном. Откройте свой и нажмите 🌍 Поделиться — будете первым.
bot-dream-feed-title = 🌍 <b>Сны, которыми поделились за { $hours } ч</b> — { $total }
bot-dream-feed-item = { $n }. { $emoji } <b>{ $title }</b> — { $author } · ⏳ ещё { $left }
bot-dream-author-you = вы

dream-failed-analysis = Не получилось разобрать этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}
dream-failed-image = Не получилось нарисовать этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}
dream-failed-video = Не получилось снять этот сон.{ $refunded ->
    [0] {""}
   *[other] { " " }{ $refunded } { $refunded ->
        [one] токен вернулся
        [few] токена вернулись
       *[many] токенов вернулись
    } на баланс.
}

bot-dream-review-waking = 🌅 Настроение при пробуждении: { $mood }
bot-dream-button-save-quiet = 📓 Сохранить без разбора
bot-dream-saving = 📓 Сохраняю сон…
bot-dream-saved-quiet = 📓 Я сохранила сон в дневник без разбора. Если захотите разбор позже, нажмите кнопку.
bot-dream-button-analyse = 🔮 Разобрать — { $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
}
bot-dream-waiting-quota = 🌙 Я сохранила сон в дневник. Сегодняшние разборы ({ $limit }) закончились, поэтому разбор подождёт: я сделаю его завтра, когда обновится дневной лимит, и пришлю сюда. С Pro (до { $proLimit } разборов в день) я разберу его сразу.
bot-dream-card-waiting-quota = ⏳ Разбор ждёт: сегодняшний лимит исчерпан, он придёт завтра.
bot-dream-card-skipped = 📓 Сохранён без разбора.
bot-dream-card-mood-waking = настроение при пробуждении { $mood }
bot-freetext-offer = 🌙 Похоже на сон. Сохранить его в дневник?
bot-freetext-voice-needs-text = Голосовые сообщения я не перевожу в текст. Напишите сон, и я предложу его сохранить.
bot-freetext-media = Картинки и видео я сохранять не умею. Опишите сон словами, и я предложу его сохранить.
bot-draft-waiting = 🌙 Ваш сон всё ещё ждёт. Продолжить с того же места?
bot-draft-button-resume = ▶️ Продолжить
bot-draft-button-discard = 🗑 Удалить
bot-draft-discarded = 🗑 Несохранённый сон удалён.
bot-draft-gone = Этого несохранённого сна уже нет. Отправьте /dream, чтобы рассказать его снова.
bot-dream-delete-confirm-text =
    🗑 <b>{ $title }</b>

    Удалить этот сон вместе с картинкой? Это нельзя отменить.
bot-dream-already-deleted = Этот сон уже удалён.
bot-dream-filter-gothic = Готика
bot-dream-filter-chase = Погоня
bot-dream-filter-flight = Полёт
bot-dream-filter-transformation = Превращение
bot-dream-filter-physics = Физика
bot-dream-filter-liminal = Лиминальное
bot-dream-filter-other = Другое
# Правка сохранённого сна и повторный разбор
bot-dream-button-edit-dream = ✏️ Изменить
bot-dream-button-reanalyse = 🔁 Разобрать заново · { $price } 💎
bot-dream-card-reanalysing = 🔮 Разбираю заново… пока выше прежний разбор, новый скоро придёт.
bot-dream-edit-menu =
    ✏️ <b>Правка «{ $title }»</b>
    Что изменить? Каждое изменение я сохраняю сразу.
bot-dream-edit-button-text = 📝 Текст
bot-dream-edit-button-title = 🏷 Название
bot-dream-edit-button-done = ✅ Готово
bot-dream-edit-ask-text = Пришлите новый текст сна ({ $min }–{ $max } символов) — он заменит прежний. /cancel оставит старый текст.
bot-dream-edit-ask-title = Пришлите новое название (до { $max } символов) или один знак «-», чтобы убрать его.
bot-dream-edit-title-invalid = Название — не длиннее { $max } символов. Пришлите покороче.
bot-dream-edit-text-saved = ✅ Я сохранила новый текст. Разбор пока прежний, по старому тексту — разобрать сон заново? Цена: { $price } 💎.
bot-dream-edit-title-saved = ✅ Я сохранила название.
bot-dream-edit-finished = ✅ Правка закончена — карточка показывает сон таким, какой он теперь.
bot-dream-reanalysis-busy = Сон уже разбирается — новый разбор скоро придёт.
bot-dream-ask-text = 🌙 Расскажите сон — напишите его текстом. /cancel — отменить.
bot-dream-send-text = Сон можно прислать текстом. Пришлите ещё раз или /cancel.
bot-dream-review-cost = 💎 Разбор стоит { $price } · сегодня по тарифу осталось { $left } из { $limit } · баланс { $balance }
## Readings: lenses on a dream's analysis (bot/src/features/dreams/readings.ts)

bot-dream-button-readings = 🔮 Прочтения
bot-reading-choose = Через какую линзу посмотреть на этот сон? Каждое прочтение — лишь один из взглядов, последнее слово за вами.
bot-reading-lens-jung = Юнгианское (архетипы)
bot-reading-lens-cognitive = Когнитивное (день и чувства)
bot-reading-lens-folk = Народные поверья (фольклор)
bot-reading-lens-priced = { $lens } — { $price } { $price ->
    [one] токен
    [few] токена
   *[many] токенов
}
bot-reading-lens-read = { $lens } — уже прочитано
bot-reading-offline = Прочтение по словарю символов, без ИИ.
bot-reading-fits = 👍 Подходит
bot-reading-does-not-fit = 👎 Не подходит
bot-reading-marked-fits = Я запомнила: подходит. Учту это в следующих прочтениях.
bot-reading-marked-does-not-fit = Я запомнила: не подходит. Учту это в следующих прочтениях.
