## Сны: сообщения предметной области для бота, API и мини-приложения

validation-dream-too-short = слишком коротко — опишите сон ещё парой слов
validation-dream-too-long = слишком длинно — сократите, пожалуйста
validation-dream-title = название — не больше 120 символов
validation-dream-mood = настроение — число от 1 до 5
validation-dream-lucid = должно быть да или нет
validation-dream-query = слишком длинный поисковый запрос
validation-dream-category = неизвестная категория
validation-dream-date = дата в формате 2026-11-21

dream-category-gothic = Готика
dream-category-chase = Погоня
dream-category-flight = Полёт
dream-category-transformation = Превращение
dream-category-physics = Сломанная физика
dream-category-liminal = Лиминальные пространства
dream-category-other = Другое

dream-analysis-offline = разобрано офлайн
dream-image-offline = офлайн-арт
dream-image-skipped-QUOTA_EXCEEDED = Без картинки на этот раз: дневная квота изображений исчерпана.
dream-image-skipped-INSUFFICIENT_TOKENS = Без картинки на этот раз: не хватает токенов на изображение.
dream-author-anonymous = Анонимный сновидец

dream-video-pending = Видео в очереди…
dream-video-processing = Снимаю ваш сон… { $progress }%
dream-video-completed = Видео вашего сна готово.
dream-video-failed = Видео сделать не получилось.

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
