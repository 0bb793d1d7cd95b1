## Signing the application with ЭЦП through NCALayer: the choice of where the key is, and the
## screens shown when signing fails or the backend refuses the signature (sign step).

# The question above the choices of where the applicant's key is.
signing-storage-legend = Где хранится ваш ключ ЭЦП?
signing-storage-file = Файл на компьютере
signing-storage-file-hint = Ключ в файле .p12, например RSA256_….p12 или GOSTKNCA_….p12
# same in every language
signing-storage-token = Токен
signing-storage-token-hint = Казтокен, eToken, JaCarta или aKey, подключённый к компьютеру
signing-storage-id-card = Удостоверение личности
signing-storage-id-card-hint = Удостоверение личности с чипом в считывателе карт
# Offered only when the service runs in test mode.
signing-storage-test = Тестовая подпись
signing-storage-test-hint = Только для проверки сервиса. Это не ЭЦП и не юридически значимая подпись
# Shown when the test signature is chosen.
signing-test-warning = Тестовая подпись не имеет юридической силы. Сервис работает в тестовом режиме: заявление не будет рассмотрено по-настоящему.

# While NCALayer's window is open for the applicant to sign.
signing-ncalayer-open = Открылось окно NCALayer: выберите в нём ключ и введите пароль или PIN-код. Если окна не видно, оно может быть позади окна браузера.

## NCALayer does not answer: it is not installed or not started.

signing-error-ncalayer-not-running = NCALayer не запущен
signing-error-ncalayer-not-running-help = NCALayer — бесплатная программа Национального удостоверяющего центра Республики Казахстан (НУЦ РК). Через неё браузер подписывает заявление вашей ЭЦП.
# Followed by a link to the НУЦ РК's download page.
signing-not-running-install = Если NCALayer не установлен, скачайте его на сайте НУЦ РК и установите:
# same in every language
signing-ncalayer-site = ncl.pki.gov.kz
signing-not-running-start = Запустите NCALayer: в Windows — ярлык NCALayer на рабочем столе или в меню «Пуск», в macOS — в папке «Программы». Когда программа запустится, её значок появится рядом с часами.
signing-not-running-retry = Подпишите заявление ещё раз. Ваши ответы сохранены.
signing-not-running-browser = Если NCALayer запущен, а это сообщение повторяется, закройте браузер и откройте его снова: после установки NCALayer браузер нужно перезапустить.

## The applicant closed NCALayer's window or pressed Cancel.

signing-error-signing-cancelled = Подписание отменено
signing-error-signing-cancelled-help = Окно NCALayer закрыто, поэтому заявление не подписано и не отправлено. Ваши ответы сохранены: подпишите заявление, когда будете готовы.

## NCALayer could not sign with the key chosen.

signing-error-no-certificate = Не удалось подписать выбранным ключом
signing-error-no-certificate-help = Проверьте, что:
signing-no-certificate-password = пароль или PIN-код введён верно;
signing-no-certificate-key = выбран ключ для подписи: его файл называется RSA256_… или GOSTKNCA_…, а не AUTH_RSA256_…;
signing-no-certificate-valid = срок действия сертификата ЭЦП не истёк. Новую ЭЦП можно получить на сайте НУЦ РК или в ЦОН.

## NCALayer took the request and did not answer.

signing-error-ncalayer-timed-out = NCALayer не ответил
signing-error-ncalayer-timed-out-help = Окно NCALayer могло открыться позади окна браузера. Закройте его и подпишите заявление ещё раз.

## NCALayer answered with an error this app does not know.

signing-error-signing-failed = Не удалось подписать заявление
signing-error-signing-failed-help = NCALayer ответил ошибкой. Обновите NCALayer до последней версии с сайта НУЦ РК и подпишите заявление ещё раз.

## The signature was made, and the service refused it.

signing-refused-signer-mismatch = ЭЦП выдана на другой ИИН/БИН
signing-refused-signer-mismatch-help = Заявление подаётся от ИИН/БИН вашего личного кабинета. Подпишите его ЭЦП, выданной на этот ИИН/БИН: за организацию — ЭЦП организации с её БИН.
signing-refused-certificate-expired = Срок действия сертификата ЭЦП истёк
signing-refused-certificate-expired-help = Получите новую ЭЦП на сайте НУЦ РК или в ЦОН и подпишите заявление ею.
signing-refused-certificate-revoked = Сертификат ЭЦП отозван
signing-refused-certificate-revoked-help = Этой ЭЦП больше нельзя подписывать. Получите новую ЭЦП на сайте НУЦ РК или в ЦОН и подпишите заявление ею.
signing-refused-signature-invalid = Подпись не прошла проверку
signing-refused-signature-invalid-help = Подпись не соответствует заявлению: возможно, его изменили после подписания. Подпишите заявление ещё раз.
signing-refused-digest-mismatch = Подписано не это заявление
signing-refused-digest-mismatch-help = Подпись сделана не для этой версии заявления: возможно, его изменили после подписания. Подпишите заявление ещё раз.
signing-refused-certificate-untrusted = Сертификат ЭЦП выдан не НУЦ РК
signing-refused-certificate-untrusted-help = Заявление можно подписать только ЭЦП, выданной Национальным удостоверяющим центром РК.
signing-refused-wrong-key-usage = Выбран ключ для входа, а не для подписи
signing-refused-wrong-key-usage-help = Для подписи выберите ключ, файл которого называется RSA256_… или GOSTKNCA_…, а не AUTH_RSA256_….
signing-refused-algorithm-unsupported = Эту ЭЦП сервис пока не может проверить
signing-refused-algorithm-unsupported-help = Подпишите заявление ключом RSA (файл RSA256_…) или обратитесь в службу поддержки.
signing-refused-ocsp-unavailable = Не удалось проверить, не отозван ли сертификат
signing-refused-ocsp-unavailable-help = Служба проверки сертификатов НУЦ РК сейчас не отвечает. Заявление не отправлено: подпишите его ещё раз через несколько минут.
signing-refused-verifier-unavailable = Не удалось проверить подпись
signing-refused-verifier-unavailable-help = Служба проверки подписей сейчас не отвечает. Заявление не отправлено: подпишите его ещё раз через несколько минут.

## The two ways to sign (sign step): NCALayer on this computer, or eGov mobile on a phone.

signing-ncalayer-title = ЭЦП на компьютере (NCALayer)
# The applicant pressed "Sign" without choosing where the key is.
signing-storage-missing = Выберите, где хранится ваш ключ ЭЦП

## eGov mobile (“eGov mobile” and “eGov Business” are the apps' names, the same in every
## language): a QR code on a computer, a link that opens the app on a phone.

egov-mobile-sign-title = Подписать в eGov mobile
egov-mobile-sign-in-title = Войти через eGov mobile
egov-mobile-sign-intro = Подпишите заявление в приложении eGov mobile на телефоне, за организацию — в eGov Business. Ключ ЭЦП на компьютере не нужен.
egov-mobile-sign-in-intro = Подтвердите вход в приложении eGov mobile на телефоне, за организацию — в eGov Business.
# The button on a computer: the page then shows a QR code.
egov-mobile-start = Показать QR-код
# The button on a phone: the page then offers to open the app.
egov-mobile-sign-start-phone = Подписать в eGov mobile
egov-mobile-sign-in-start-phone = Войти через eGov mobile
egov-mobile-starting = Готовим QR-код…
# $time (String) is when the code stops working, e.g. 14:35.
egov-mobile-waiting = Ждём подпись из eGov mobile. Код действует до { $time }.
egov-mobile-open = Открыть eGov mobile
egov-mobile-open-business = Открыть eGov Business
egov-mobile-phone-fallback = Если eGov mobile установлен на другом телефоне, отсканируйте им QR-код ниже.
egov-mobile-step-open = Откройте на телефоне eGov mobile, за организацию — eGov Business.
egov-mobile-step-scan = Выберите в приложении сканирование QR-кода и наведите камеру на код.
egov-mobile-sign-step-confirm = Проверьте, что подписываете заявление на портале «Өтініш», и подпишите его.
egov-mobile-sign-in-step-confirm = Проверьте, что входите на портал «Өтініш», и подтвердите вход.
# The QR code's text alternative.
egov-mobile-sign-qr-alt = QR-код для подписания заявления в eGov mobile
egov-mobile-sign-in-qr-alt = QR-код для входа через eGov mobile
# Before the same link as the QR code, for a phone on which the app is installed.
egov-mobile-link-label = На телефоне с eGov mobile:
egov-mobile-link = открыть ссылку
egov-mobile-cancel = Отменить
egov-mobile-sign-signed = Подписано в eGov mobile. Отправляем заявление…
egov-mobile-sign-in-signed = Вход подтверждён в eGov mobile. Входим…
egov-mobile-new-code = Получить новый QR-код
# Under the screen of a refused signature.
egov-mobile-refused-help = Подпись из eGov mobile не принята. Получите новый QR-код и подпишите ещё раз.
egov-mobile-sign-expired = Время на подписание истекло
egov-mobile-sign-in-expired = Время на вход истекло
egov-mobile-expired-help = QR-код действует несколько минут. Получите новый код.
egov-mobile-sign-cancelled = Подписание в eGov mobile отменено
egov-mobile-sign-in-cancelled = Вход через eGov mobile отменён
egov-mobile-cancelled-help = Получите новый QR-код, когда будете готовы.
egov-mobile-failed = Не удалось получить QR-код
