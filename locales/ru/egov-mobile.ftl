## What the eGov mobile app shows on the phone when it opens a session of Өтініш
## (crates/server/src/egov_mobile/): the request, the document and the portal's name.
## The phone app shows them as plain text: one line each, no markup.

# The request, when an application is to be signed. No variables.
egov-mobile-phone-signing = Подписание заявления на государственную услугу на портале «Өтініш»
# The request, when the applicant signs in. No variables.
egov-mobile-phone-sign-in = Вход на портал «Өтініш»
# The document's name, when an application is signed. No variables.
egov-mobile-phone-application = Заявление на государственную услугу
# The document's name, when the applicant signs in. No variables.
egov-mobile-phone-sign-in-request = Запрос на вход
# Who asks for the signature. No variables.
egov-mobile-phone-organisation = Портал «Өтініш»
# The session's few minutes are over. No variables.
egov-mobile-phone-expired = Время на подписание истекло. Получите новый QR-код на портале «Өтініш»
# The session was signed, refused or cancelled already. No variables.
egov-mobile-phone-used = Этот QR-код уже использован. Получите новый QR-код на портале «Өтініш»
