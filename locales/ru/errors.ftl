## Error messages. They appear in red next to the question, the file or the button they are about,
## and again as links in the error summary at the top of the page. The app shows the question's
## label beside each message, so a message says what to do without naming the question.
## Style (GOV.UK): say plainly what is wrong and what to do; no blame, no «Ошибка:», no «!»,
## no technical words. Ids are `error-<code>`, where the code is a rule's or the server's.

## The error summary and the page title

# The heading of the error summary at the top of a page with errors. No variables.
error-summary-title = Исправьте ошибки
# Put before the page's <title> when the page has errors; keep the space at the end. No variables.
error-title-prefix = Ошибка:{ " " }

## Any answer

# An answer that must be given is blank. No variables. (The server may add $min, the least
# number of entries a repeated page needs; the text does not use it.)
error-required = Ответьте на этот вопрос
# $max is the greatest number of characters allowed, $length the number of characters typed.
error-too-long = Сократите ответ до { $max ->
    [one] { $max } символа
    [few] { $max } символов
    [many] { $max } символов
   *[other] { $max } символа
} — сейчас { $length ->
    [one] { $length } символ
    [few] { $length } символа
    [many] { $length } символов
   *[other] { $length } символа
}
# A line break or another invisible character in the answer. $character is its code (U+000A),
# not shown: it means nothing to an applicant.
error-text-character = Уберите из ответа переносы строк и другие невидимые символы
# A number typed as something other than digits. No variables.
error-number-format = Введите целое число цифрами, например 12
# A choice that is not one of the question's options. No variables.
error-option-unknown = Выберите один из предложенных вариантов

## ИИН and БИН. Each check has three versions: the question asks for an ИИН, for a БИН, or for either.

# No variables.
error-iin-not-digits = Введите ИИН только цифрами, без букв и других знаков
# $length is the number of digits typed.
error-iin-length = Введите ИИН из 12 цифр (сейчас { $length ->
    [one] { $length } цифра
    [few] { $length } цифры
    [many] { $length } цифр
   *[other] { $length } цифры
})
# The check digit does not match. No variables.
error-iin-checksum = Проверьте ИИН: в нём есть опечатка
# No ИИН can start with these eleven digits. No variables.
error-iin-invalid-number = Проверьте ИИН: такой номер не выдаётся
# No variables.
error-bin-not-digits = Введите БИН только цифрами, без букв и других знаков
# $length is the number of digits typed.
error-bin-length = Введите БИН из 12 цифр (сейчас { $length ->
    [one] { $length } цифра
    [few] { $length } цифры
    [many] { $length } цифр
   *[other] { $length } цифры
})
# No variables.
error-bin-checksum = Проверьте БИН: в нём есть опечатка
# No variables.
error-bin-invalid-number = Проверьте БИН: такой номер не выдаётся
# No variables.
error-iin-bin-not-digits = Введите ИИН или БИН только цифрами, без букв и других знаков
# $length is the number of digits typed.
error-iin-bin-length = Введите ИИН или БИН из 12 цифр (сейчас { $length ->
    [one] { $length } цифра
    [few] { $length } цифры
    [many] { $length } цифр
   *[other] { $length } цифры
})
# No variables.
error-iin-bin-checksum = Проверьте ИИН или БИН: в номере есть опечатка
# No variables.
error-iin-bin-invalid-number = Проверьте ИИН или БИН: такой номер не выдаётся
# The fifth digit is 0–3 in an ИИН and 4–6 in a БИН. $digit is the fifth digit typed (7, 8 or 9).
error-iin-bin-kind = Проверьте ИИН или БИН: пятая цифра должна быть от 0 до 6, а не { $digit }
# The seventh digit of an ИИН gives the century of birth. $digit is the seventh digit typed.
error-iin-century = Проверьте ИИН: седьмая цифра должна быть от 1 до 6, а не { $digit }
# The first six digits are not a real date of birth. No variables.
error-iin-birth-date = Проверьте ИИН: первые шесть цифр — дата рождения в виде ГГММДД
# A БИН typed where an ИИН is asked for. No variables.
error-iin-got-bin = Введите ИИН, а не БИН
# Digits 3–4 of a БИН are the month of registration. No variables.
error-bin-month = Проверьте БИН: третья и четвёртая цифры — месяц регистрации, от 01 до 12
# $digit is the fifth digit typed.
error-bin-type = Проверьте БИН: пятая цифра должна быть от 4 до 6, а не { $digit }
# $digit is the sixth digit typed.
error-bin-unit = Проверьте БИН: шестая цифра должна быть от 0 до 3, а не { $digit }
# An ИИН typed where a БИН is asked for. No variables.
error-bin-got-iin = Введите БИН, а не ИИН

## Phone, e-mail and postcode

# $character is the character that cannot be in a phone number, as typed.
error-phone-character = Введите номер телефона цифрами — можно с пробелами, скобками и дефисами. Уберите «{ $character }»
# No variables.
error-phone-length = Введите номер телефона полностью: +7 и 10 цифр, например +7 701 123 45 67
# A number from another country. No variables.
error-phone-country = Введите казахстанский номер телефона, например +7 701 123 45 67
# $max is the greatest number of characters allowed (254).
error-email-length = Введите адрес электронной почты не длиннее { $max ->
    [one] { $max } символа
    [few] { $max } символов
    [many] { $max } символов
   *[other] { $max } символа
}
# No variables.
error-email-whitespace = Уберите пробелы из адреса электронной почты
# No @, or more than one. No variables.
error-email-at = Введите адрес электронной почты с одним знаком @, например name@example.kz
# Nothing before the @. No variables.
error-email-local-part = Введите часть адреса до знака @, например name@example.kz
# No dotted domain after the @. No variables.
error-email-domain = Проверьте часть адреса после знака @: она должна быть вида example.kz
# No variables.
error-postcode-format = Введите почтовый индекс из 6 цифр, например 050000, или новый из 7 латинских букв и цифр, например A15C9T5
# The new seven-character code typed with Cyrillic letters. No variables.
error-postcode-latin = Наберите буквы индекса латиницей, а не кириллицей

## Names of people and organisations

# No variables.
error-name-empty = Введите имя или наименование
# $max is the greatest number of characters allowed.
error-name-too-long = Введите не больше { $max ->
    [one] { $max } символа
    [few] { $max } символов
    [many] { $max } символов
   *[other] { $max } символа
}
# $character is the first character that is not allowed, as typed.
error-name-character = Уберите символ «{ $character }»: его нельзя использовать здесь
# $character is the space, hyphen, apostrophe or comma at the start or end.
error-name-edge = Уберите «{ $character }» в начале или в конце

## Dates

# No variables.
error-date-format = Введите дату в формате ДД.ММ.ГГГГ, например 05.03.2024
# A day that the calendar does not have (31.02.2020). No variables.
error-date-invalid = Проверьте дату: такого дня в календаре нет
# $limit is today's date (the rule gives YYYY-MM-DD; the app shows it as the long date, «5 марта 2024 г.»).
error-date-must-be-past = Введите дату не позже { $limit }
error-date-too-early = Введите дату не раньше { $limit }
# $limit is today's date (the rule gives YYYY-MM-DD; the app shows it as the long date, «5 марта 2024 г.»).
error-date-must-be-future = Введите дату не раньше { $limit }

## Files

# No variables.
error-file-empty = Выбранный файл пустой — выберите другой
# $megabytes is the document's limit in megabytes. The server gives the limit in bytes
# (max_bytes): the app should divide it by 1 048 576 and pass it as $megabytes.
error-file-too-large = Выберите файл не больше { $megabytes } МБ
# The content is not a type the document accepts. $accepted is the list of accepted types
# (the rule gives «pdf,jpeg»; the app should show it as «PDF, JPEG»).
error-file-type = Выберите файл в формате { $accepted }
# The same, found by the server. $accepted as above.
error-file-type-not-allowed = Этот файл не подходит: выберите файл в формате { $accepted }
# The server found malware in the file. No variables.
error-file-infected = В выбранном файле найден вирус — выберите другой файл
# $max is the greatest number of files one document can have.
error-too-many-files = К этому документу можно приложить не больше { $max ->
    [one] { $max } файла
    [few] { $max } файлов
    [many] { $max } файлов
   *[other] { $max } файла
}
# A document the application needs has no file. No variables.
error-document-missing = Приложите этот документ
error-fee-way-not-chosen = Выберите, как вы уплатите сбор
# The file was sent for a document this application does not ask for. No variables.
error-document-not-expected = Этот документ для вашего заявления не нужен. Приложите файл к одному из документов списка
# The whole upload or the answers are over the server's limit. $max_bytes, the limit in bytes,
# is not shown.
error-request-too-large = Слишком большой объём для отправки. Выберите файл меньшего размера или сократите ответы

## Answers the server refuses as they are sent

# $min is the least number of characters.
error-too-short = Введите не меньше { $min ->
    [one] { $min } символа
    [few] { $min } символов
    [many] { $min } символов
   *[other] { $min } символа
}
# Something does not match the pattern the contract sets. No variables.
error-bad-format = Проверьте, правильно ли записан ответ
# A number outside its range. No variables. (The server may add $min and $max; not shown.)
error-out-of-range = Введите значение в допустимых пределах
# A choice that is not one of the options. No variables.
error-not-an-option = Выберите один из предложенных вариантов
# A repeated page has more entries than allowed. $max is the greatest number.
error-too-many-items = Удалите лишнее: можно добавить не больше { $max ->
    [one] { $max } записи
    [few] { $max } записей
    [many] { $max } записей
   *[other] { $max } записи
}
# The app sent an answer the server does not know. No variables.
error-unknown-field = Не удалось сохранить ответ. Обновите страницу и попробуйте ещё раз
# The app sent an answer of the wrong kind. No variables.
error-wrong-type = Не удалось прочитать ответ. Обновите страницу и ответьте ещё раз
# Some answers break the form's rules; the messages for each follow. No variables.
error-validation-failed = Проверьте ответы: некоторые из них нужно исправить
# The request could not be read. No variables.
error-malformed-request = Не удалось отправить данные. Обновите страницу и попробуйте ещё раз
# The request is not in a form the server takes. No variables.
error-unsupported-media-type = Не удалось отправить данные. Обновите страницу и попробуйте ещё раз

## Account: registration and log-in

# No variables.
error-unauthenticated = Войдите в личный кабинет, чтобы продолжить
# Wrong ИИН/БИН or password (the server does not say which). No variables.
error-invalid-credentials = ИИН/БИН или пароль не подходят. Проверьте их и попробуйте ещё раз
# The state database has no data on this ИИН/БИН. No variables.
error-not-in-registry = Проверьте номер: в государственной базе данных нет сведений о таком ИИН/БИН
# No variables.
error-password-too-common = Этот пароль слишком простой или встречался в утечках. Придумайте другой, например из нескольких случайных слов
# $retry_after is the number of seconds to wait.
error-too-many-requests = Слишком много попыток. Подождите { $retry_after ->
    [one] { $retry_after } секунду
    [few] { $retry_after } секунды
    [many] { $retry_after } секунд
   *[other] { $retry_after } секунды
} и попробуйте снова

## Starting and changing an application

# An application, a file, a payment or a result that does not exist or is not the applicant's.
# No variables.
error-not-found = Заявление или файл не найдены: возможно, они удалены. Перейдите в личный кабинет
# No variables.
error-unknown-service = Такой услуги нет. Выберите услугу из списка
# No variables.
error-unknown-provider = Такого услугодателя нет. Выберите услугодателя из списка
# No variables.
error-not-offered-by-provider = Выбранный услугодатель не оказывает эту услугу. Выберите другого услугодателя
# Issue, reissue or duplicate that the service does not have. No variables.
error-sub-case-not-offered = Для этой услуги такой вид заявления не предусмотрен. Выберите один из предложенных
# No variables.
error-targets-required = Выберите, к чему относится заявление: к лицензии или к приложению к лицензии
# No variables.
error-target-not-offered = Для этой услуги такой вариант не предусмотрен. Выберите один из предложенных
# The account is an individual and the provider takes this service only from legal entities,
# or the other way round. No variables.
error-applicant-not-eligible = С вашей учётной записью (физическое или юридическое лицо) это заявление этому услугодателю подать нельзя. Выберите другого услугодателя или другую услугу
# The answers were saved elsewhere since this page was opened, or changed after signing.
# $current_version is not shown.
error-version-conflict = Ответы изменились в другой вкладке или на другом устройстве. Обновите страницу и проверьте их
# $status is the application's status: signed, delivered or a later one.
error-not-editable = { $status ->
    [signed] Заявление уже подписано: изменить его нельзя
   *[other] Заявление уже отправлено: изменить его нельзя
}
# $status is the application's status: paid, signed, delivered or a later one.
error-not-discardable = { $status ->
    [paid] Заявление уже оплачено, поэтому удалить его нельзя
    [signed] Заявление уже подписано, поэтому удалить его нельзя
   *[other] Заявление уже отправлено, поэтому удалить его нельзя
}

## Payment

# A payment is under way at the payment gateway. $payment_id is not shown.
error-payment-pending = Оплата ещё не завершена. Дождитесь её окончания и попробуйте снова
# No variables.
error-already-paid = Сбор уже оплачен. Перейдите к подписанию заявления
# The service has no payment step. No variables.
error-no-fee-due = За эту услугу здесь платить не нужно. Перейдите к подписанию заявления
# Nobody could confirm the rate of the fee. No variables.
error-fee-unknown = Размер сбора не удалось подтвердить, поэтому оплатить его здесь нельзя. Отправьте заявление и уточните сумму у услугодателя
# A fee is due and not paid yet. No variables.
error-payment-required = Сначала оплатите сбор, затем подпишите заявление
# The app's address is not on the server's list of addresses to send payers back to. No variables.
error-return-url-not-allowed = Не удалось начать оплату. Обновите страницу и попробуйте ещё раз
# From the payment gateway: the amount paid is not the fee. No variables.
error-amount-mismatch = Сумма платежа не совпадает с суммой сбора
error-amount-not-accepted = Сумма этого сбора рассчитывается автоматически, вводить её не нужно
# From the payment gateway: the payment has already ended. $status is paid or declined.
error-payment-final = { $status ->
    [paid] Этот платёж уже проведён, изменить его результат нельзя
    [declined] Этот платёж уже отклонён, изменить его результат нельзя
   *[other] Этот платёж уже завершён, изменить его результат нельзя
}

## Signing with ЭЦП and submitting

# $reference_number is the application's number, like HD3KM7PR.
error-already-submitted = Заявление уже отправлено. Его номер — { $reference_number }
# The same submission is still being processed. No variables.
error-idempotency-key-in-flight = Заявление ещё отправляется. Подождите немного и обновите страницу
# The app sent the submission without its retry key. No variables.
error-idempotency-key-missing = Не удалось отправить заявление. Обновите страницу и отправьте его ещё раз
# The same submission was sent before with other data. No variables.
error-idempotency-key-reused = Заявление уже отправлялось с другими данными. Обновите страницу и проверьте его статус
# No variables.
error-signature-invalid = Подпись не прошла проверку. Подпишите заявление ЭЦП ещё раз
# No variables.
error-certificate-expired = Срок действия сертификата ЭЦП истёк. Подпишите заявление действующей ЭЦП
# No variables.
error-certificate-revoked = Сертификат ЭЦП отозван. Подпишите заявление действующей ЭЦП
# The ЭЦП belongs to someone other than the applicant. No variables.
error-signer-mismatch = Эта ЭЦП выдана на другой ИИН/БИН. Подпишите заявление ЭЦП, выданной на ИИН/БИН вашего личного кабинета
# A test signature outside test mode. No variables.
error-test-signer-disabled = Тестовая подпись здесь не принимается. Подпишите заявление настоящей ЭЦП

## The result, and the provider's officer moving an application

# The result is not issued or refused yet. $status is not shown.
error-result-not-ready = Результат ещё не готов. Проверьте статус заявления позже
# Officer: the application cannot go from its status to the one asked for. $from and $to are
# status ids; not shown.
error-transition-not-allowed = Заявление нельзя перевести в этот статус из текущего. Обновите страницу и проверьте статус
# Officer: refusing needs a reason. No variables.
error-reason-required = Укажите причину отказа
# Officer: issuing needs the result uploaded first. No variables.
error-result-missing = Сначала загрузите результат, затем выдайте его
# Officer: the time is before the last change of status, or in the future. No variables.
error-time-out-of-order = Укажите время не раньше предыдущего изменения статуса и не позже текущего момента

# An entry of the error summary: $field is the question's label, $message the error.
error-summary-item = { $field }: { $message }

# The backend or the network does not answer.
error-unreachable = Сервис сейчас не отвечает. Ваши данные не потеряны: попробуйте ещё раз через несколько минут.

# A problem code this app has no words for (a later backend's), or a failure of the backend (503). No variables.
error-other = Не получилось выполнить действие. Ваши данные не потеряны: попробуйте ещё раз через несколько минут.

error-upload-unreachable = Файл не загрузился: нет связи с сервером. Выберите файл ещё раз, когда связь восстановится
error-gateway-unavailable = Платёжный шлюз сейчас недоступен. Попробуйте оплатить позже: ваши ответы сохранены
# The backend's database or file storage does not answer (503). No variables.
error-storage-unavailable = Сервис сейчас не может сохранить или прочитать данные. Ваши ответы не потеряны: попробуйте ещё раз через несколько минут
# The result document is recorded but cannot be read or made now (503). No variables.
error-result-unavailable = Документ с результатом сейчас недоступен. Попробуйте скачать его через несколько минут

# The new password contains the applicant's own ИИН/БИН. No variables.
error-password-contains-iin-bin = Пароль не должен содержать ваш ИИН/БИН: этот номер известен многим. Придумайте другой, например из нескольких случайных слов
# A change came from a page outside the service's site and was not made. No variables.
error-cross-site-request = Действие не выполнено: запрос пришёл не со страницы сервиса. Откройте сервис по его адресу и повторите действие
# Signed, but over other bytes than the application's signing data. No variables.
error-digest-mismatch = Подписано не это заявление. Подпишите его ЭЦП ещё раз
# The certificate does not chain to the НУЦ РК. No variables.
error-certificate-untrusted = Сертификат ЭЦП выдан не НУЦ РК. Подпишите заявление ЭЦП, выданной НУЦ РК
# A signing key used to sign in, or an authentication key used to sign. No variables.
error-wrong-key-usage = Выбран не тот ключ ЭЦП: для подписи — RSA256_… или GOSTKNCA_…, для входа — AUTH_RSA256_…
# An algorithm the service cannot verify. No variables.
error-algorithm-unsupported = Эту ЭЦП сервис пока не может проверить. Воспользуйтесь ключом RSA
# The CA's revocation service did not answer. No variables.
error-ocsp-unavailable = Не удалось проверить, не отозван ли сертификат ЭЦП. Попробуйте ещё раз через несколько минут
# The signature verification service did not answer. No variables.
error-verifier-unavailable = Не удалось проверить подпись. Попробуйте ещё раз через несколько минут
# Signing in took longer than the challenge lives, or it was used. No variables.
error-challenge-invalid = Время на вход истекло. Войдите ещё раз
# Setting a password needs a sign-in with ЭЦП. No variables.
error-signature-session-required = Чтобы задать пароль, войдите с ЭЦП
# eGov mobile: the few minutes to sign with the QR code or link are over. No variables.
error-egov-mobile-expired = Время на подписание в eGov mobile истекло. Получите новый QR-код
# eGov mobile: the code was signed, refused or cancelled already. No variables.
error-egov-mobile-used = Этот QR-код уже использован. Получите новый QR-код
# eGov mobile: the phone has not signed yet. No variables.
error-egov-mobile-not-signed = Подпись в eGov mobile ещё не получена. Подпишите в приложении и повторите
