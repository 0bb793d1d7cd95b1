## Signing in: with ЭЦП (the authentication key, through NCALayer); in test mode also as a
## test person without ЭЦП; with a password only as a second way in, set after signing in
## with ЭЦП. The first sign-in creates the account.

sign-in-title = Вход
sign-in-intro = Войдите с ЭЦП, чтобы подать заявление и следить за ним. При первом входе учётная запись создаётся сама: имя и адрес мы возьмём из государственных баз данных.
sign-in-ncalayer-title = ЭЦП на компьютере (NCALayer)
sign-in-storage-legend = Где ваш ключ для входа
sign-in-key-hint = Для входа нужен ключ аутентификации: его файл называется AUTH_RSA256_…
sign-in-storage-file-hint = Ключ в файле .p12, например AUTH_RSA256_….p12
# The button; at most 20 characters.
sign-in-ecp-submit = Войти с ЭЦП
sign-in-password-summary = Войти по паролю
sign-in-password-intro = Пароль можно задать в личном кабинете после входа с ЭЦП.
sign-in-password-hint = Пароль, который вы задали в личном кабинете.
# The button; at most 20 characters.
sign-in-submit = Войти
sign-in-test-title = Тестовый вход без ЭЦП
sign-in-test-intro = Только в тестовом режиме: войти как человек или организация из тестового реестра. Такой вход не имеет юридической силы.
# The button; at most 20 characters.
sign-in-test-submit = Войти без ЭЦП

account-iin-bin = ИИН или БИН
account-iin-bin-hint = 12 цифр. ИИН — для физического лица, БИН — для организации.
account-password = Пароль

## The sign-in was signed, and the service refused it.

sign-in-refused-signature-invalid = Подпись не прошла проверку
sign-in-refused-signature-invalid-help = Подпись, которую сделал NCALayer, не удалось проверить. Попробуйте войти ещё раз.
sign-in-refused-digest-mismatch = Подписаны не те данные
sign-in-refused-digest-mismatch-help = Подпись сделана не для этого входа. Попробуйте войти ещё раз.
sign-in-refused-certificate-untrusted = Сертификат ЭЦП выдан не НУЦ РК
sign-in-refused-certificate-untrusted-help = Войти можно только с ЭЦП, выданной Национальным удостоверяющим центром РК.
sign-in-refused-certificate-expired = Срок действия сертификата ЭЦП истёк
sign-in-refused-certificate-expired-help = Получите новую ЭЦП на сайте НУЦ РК или в ЦОН и войдите с ней.
sign-in-refused-certificate-revoked = Сертификат ЭЦП отозван
sign-in-refused-certificate-revoked-help = С этой ЭЦП больше нельзя войти. Получите новую ЭЦП на сайте НУЦ РК или в ЦОН.
sign-in-refused-wrong-key-usage = Выбран ключ для подписи, а не для входа
sign-in-refused-wrong-key-usage-help = Для входа выберите ключ аутентификации: его файл называется AUTH_RSA256_…. Ключ RSA256_… или GOSTKNCA_… служит для подписи заявлений.
sign-in-refused-algorithm-unsupported = Эту ЭЦП сервис пока не может проверить
sign-in-refused-algorithm-unsupported-help = Войдите с ключом RSA (файл AUTH_RSA256_…) или обратитесь в службу поддержки.
sign-in-refused-signer-mismatch = В сертификате ЭЦП нет ИИН
sign-in-refused-signer-mismatch-help = Войти можно только с ЭЦП, выданной на ИИН человека.
sign-in-refused-ocsp-unavailable = Не удалось проверить, не отозван ли сертификат
sign-in-refused-ocsp-unavailable-help = Служба проверки сертификатов НУЦ РК сейчас не отвечает. Попробуйте войти через несколько минут.
sign-in-refused-verifier-unavailable = Не удалось проверить подпись
sign-in-refused-verifier-unavailable-help = Служба проверки подписей сейчас не отвечает. Попробуйте войти через несколько минут.
sign-in-refused-challenge-invalid = Время на вход истекло
sign-in-refused-challenge-invalid-help = Вход нужно подписать за пять минут. Попробуйте войти ещё раз.
sign-in-refused-not-in-registry = ИИН/БИН не найден в государственных базах данных
sign-in-refused-not-in-registry-help = Сервис не получил ваших данных из государственных баз данных. Обратитесь в ЦОН.

## Setting a password as a second way in (after signing in with ЭЦП).

password-title = Пароль для входа
password-intro = Задайте пароль, чтобы входить и без ЭЦП: по ИИН/БИН и паролю. Подписывать заявления всё равно нужно ЭЦП.
password-hint = Не короче 15 знаков. Удобнее всего запомнить несколько слов через пробел.
# The button; at most 20 characters.
password-submit = Сохранить пароль
password-saved = Пароль сохранён. Теперь можно входить по ИИН/БИН и паролю.
password-link = Пароль для входа без ЭЦП
# A check box under the password: ticked, the applicant's drafts are not kept after the browser closes.
account-shared-device = Это общий или чужой компьютер
account-shared-device-hint = Например, в библиотеке, ЦОНе или на работе. Тогда черновики заявлений не останутся на этом устройстве после закрытия браузера. При выходе из кабинета они удаляются в любом случае.

## /sign-in or /register opened by an applicant already signed in.

sign-in-already-title = Вы уже вошли
# $name is the applicant's name or the organisation's.
sign-in-already-as = Вы вошли как { $name }.
sign-in-already-continue = Продолжить
sign-in-already-sign-out = Выйти, чтобы войти под другой учётной записью
