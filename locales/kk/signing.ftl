## Өтінішке NCALayer арқылы ЭЦҚ-мен қол қою: кілттің қай жерде сақталғанын таңдау, қол қою
## сәтсіз болғанда немесе сервис қолтаңбаны қабылдамағанда көрсетілетін беттер (қол қою қадамы).

# Өтініш берушінің кілті қайда сақталғанын таңдау сұрағы.
signing-storage-legend = ЭЦҚ кілтіңіз қайда сақталған?
signing-storage-file = Компьютердегі файл
signing-storage-file-hint = .p12 файлындағы кілт, мысалы, RSA256_….p12 немесе GOSTKNCA_….p12
# same in every language
signing-storage-token = Токен
signing-storage-token-hint = Компьютерге қосылған Қазтокен, eToken, JaCarta немесе aKey
signing-storage-id-card = Жеке куәлік
signing-storage-id-card-hint = Карта оқу құрылғысына салынған чипі бар жеке куәлік
# Жүйе сынақ режимінде жұмыс істегенде ғана ұсынылады.
signing-storage-test = Сынақ қолтаңбасы
signing-storage-test-hint = Тек жүйені тексеру үшін. Бұл ЭЦҚ емес және заңды күші бар қолтаңба емес
# Сынақ қолтаңбасы таңдалғанда көрсетіледі.
signing-test-warning = Сынақ қолтаңбасының заңды күші жоқ. Жүйе сынақ режимінде жұмыс істейді: өтініш шын мәнінде қаралмайды.

# Өтініш беруші қол қоюы үшін NCALayer терезесі ашық тұрғанда.
signing-ncalayer-open = NCALayer терезесі ашылды: онда кілтті таңдап, құпиясөзді немесе PIN-кодты енгізіңіз. Терезе көрінбесе, ол браузер терезесінің артында болуы мүмкін.

## NCALayer жауап бермейді: ол орнатылмаған немесе іске қосылмаған.

signing-error-ncalayer-not-running = NCALayer іске қосылмаған
signing-error-ncalayer-not-running-help = NCALayer — Қазақстан Республикасы Ұлттық куәландырушы орталығының (ҚР ҰКО) тегін бағдарламасы. Браузер ол арқылы өтінішке сіздің ЭЦҚ-ңызбен қол қояды.
# Артынан ҚР ҰКО-ның жүктеу бетіне сілтеме тұрады.
signing-not-running-install = NCALayer орнатылмаған болса, оны ҚР ҰКО сайтынан жүктеп алып, орнатыңыз:
# same in every language
signing-ncalayer-site = ncl.pki.gov.kz
signing-not-running-start = NCALayer-ді іске қосыңыз: Windows жүйесінде — жұмыс үстеліндегі немесе «Бастау» (Пуск) мәзіріндегі NCALayer белгішесі, macOS жүйесінде — «Бағдарламалар» қалтасында. Бағдарлама іске қосылғанда, оның белгішесі сағаттың жанында пайда болады.
signing-not-running-retry = Өтінішке қайта қол қойыңыз. Жауаптарыңыз сақталған.
signing-not-running-browser = NCALayer іске қосылған, бірақ бұл хабарлама қайталанса, браузерді жауып, қайта ашыңыз: NCALayer орнатылғаннан кейін браузерді қайта іске қосу қажет.

## Өтініш беруші NCALayer терезесін жапты немесе «Болдырмау» батырмасын басты.

signing-error-signing-cancelled = Қол қоюдан бас тартылды
signing-error-signing-cancelled-help = NCALayer терезесі жабылды, сондықтан өтінішке қол қойылмады және ол жіберілмеді. Жауаптарыңыз сақталған: дайын болғанда өтінішке қол қойыңыз.

## NCALayer таңдалған кілтпен қол қоя алмады.

signing-error-no-certificate = Таңдалған кілтпен қол қою мүмкін болмады
signing-error-no-certificate-help = Мыналарды тексеріңіз:
signing-no-certificate-password = құпиясөз немесе PIN-код дұрыс енгізілген;
signing-no-certificate-key = қол қоюға арналған кілт таңдалған: оның файлы AUTH_RSA256_… емес, RSA256_… немесе GOSTKNCA_… деп аталады;
signing-no-certificate-valid = ЭЦҚ тіркеу куәлігінің қолданылу мерзімі өтпеген. Жаңа ЭЦҚ-ны ҚР ҰКО сайтынан немесе Халыққа қызмет көрсету орталығынан (ХҚКО) алуға болады.

## NCALayer сұрауды қабылдады, бірақ жауап бермеді.

signing-error-ncalayer-timed-out = NCALayer жауап бермеді
signing-error-ncalayer-timed-out-help = NCALayer терезесі браузер терезесінің артында ашылған болуы мүмкін. Оны жауып, өтінішке қайта қол қойыңыз.

## NCALayer осы қолданбаға белгісіз қатемен жауап берді.

signing-error-signing-failed = Өтінішке қол қою мүмкін болмады
signing-error-signing-failed-help = NCALayer қатемен жауап берді. NCALayer-ді ҚР ҰКО сайтынан соңғы нұсқасына дейін жаңартып, өтінішке қайта қол қойыңыз.

## Қолтаңба қойылды, бірақ сервис оны қабылдамады.

signing-refused-signer-mismatch = ЭЦҚ басқа ЖСН/БСН бойынша берілген
signing-refused-signer-mismatch-help = Өтініш жеке кабинетіңіз тіркелген ЖСН/БСН атынан беріледі. Оған осы ЖСН/БСН-ге берілген ЭЦҚ-мен қол қойыңыз; ұйым атынан берсеңіз — ұйымның БСН-і көрсетілген ЭЦҚ-мен.
signing-refused-certificate-expired = ЭЦҚ тіркеу куәлігінің қолданылу мерзімі өтіп кеткен
signing-refused-certificate-expired-help = ҚР ҰКО сайтынан немесе ХҚКО-дан жаңа ЭЦҚ алып, өтінішке сол ЭЦҚ-мен қол қойыңыз.
signing-refused-certificate-revoked = ЭЦҚ тіркеу куәлігі кері қайтарып алынған
signing-refused-certificate-revoked-help = Бұл ЭЦҚ-мен енді қол қоюға болмайды. ҚР ҰКО сайтынан немесе ХҚКО-дан жаңа ЭЦҚ алып, өтінішке сол ЭЦҚ-мен қол қойыңыз.
signing-refused-signature-invalid = Қолтаңба тексеруден өтпеді
signing-refused-signature-invalid-help = Қолтаңба өтінішке сәйкес келмейді: өтініш қол қойылғаннан кейін өзгертілген болуы мүмкін. Өтінішке қайта қол қойыңыз.
signing-refused-digest-mismatch = Бұл өтінішке қол қойылмаған
signing-refused-digest-mismatch-help = Қолтаңба өтініштің осы нұсқасы үшін жасалмаған: өтініш қол қойылғаннан кейін өзгертілген болуы мүмкін. Өтінішке қайта қол қойыңыз.
signing-refused-certificate-untrusted = ЭЦҚ тіркеу куәлігін ҚР ҰКО бермеген
signing-refused-certificate-untrusted-help = Өтінішке тек ҚР Ұлттық куәландырушы орталығы берген ЭЦҚ-мен қол қоюға болады.
signing-refused-wrong-key-usage = Қол қоюға емес, кіруге арналған кілт таңдалған
signing-refused-wrong-key-usage-help = Қол қою үшін файлы AUTH_RSA256_… емес, RSA256_… немесе GOSTKNCA_… деп аталатын кілтті таңдаңыз.
signing-refused-algorithm-unsupported = Сервис бұл ЭЦҚ-ны әзірге тексере алмайды
signing-refused-algorithm-unsupported-help = Өтінішке RSA кілтімен (RSA256_… файлы) қол қойыңыз немесе қолдау қызметіне хабарласыңыз.
signing-refused-ocsp-unavailable = Тіркеу куәлігінің кері қайтарылмағанын тексеру мүмкін болмады
signing-refused-ocsp-unavailable-help = ҚР ҰКО тіркеу куәліктерін тексеру қызметі қазір жауап бермейді. Өтініш жіберілмеді: бірнеше минуттан кейін оған қайта қол қойыңыз.
signing-refused-verifier-unavailable = Қолтаңбаны тексеру мүмкін болмады
signing-refused-verifier-unavailable-help = Қолтаңбаларды тексеру қызметі қазір жауап бермейді. Өтініш жіберілмеді: бірнеше минуттан кейін оған қайта қол қойыңыз.

## Қол қоюдың екі тәсілі (қол қою қадамы): осы компьютердегі NCALayer немесе телефондағы eGov mobile.

signing-ncalayer-title = Компьютердегі ЭЦҚ (NCALayer)
# Өтініш беруші кілттің қайда сақталғанын таңдамай «Қол қою» батырмасын басты.
signing-storage-missing = ЭЦҚ кілтіңіз қайда сақталғанын таңдаңыз

## eGov mobile («eGov mobile» және «eGov Business» — қолданбалардың атаулары, барлық тілде бірдей):
## компьютерде QR-код, телефонда қолданбаны ашатын сілтеме.

egov-mobile-sign-title = eGov mobile арқылы қол қою
egov-mobile-sign-in-title = eGov mobile арқылы кіру
egov-mobile-sign-intro = Өтінішке телефондағы eGov mobile қолданбасында, ұйым атынан — eGov Business қолданбасында қол қойыңыз. Компьютерде ЭЦҚ кілті қажет емес.
egov-mobile-sign-in-intro = Кіруді телефондағы eGov mobile қолданбасында, ұйым атынан — eGov Business қолданбасында растаңыз.
# Компьютердегі батырма: бетте QR-код көрсетіледі.
egov-mobile-start = QR-кодты көрсету
# Телефондағы батырма: бет қолданбаны ашуды ұсынады.
egov-mobile-sign-start-phone = eGov mobile арқылы қол қою
egov-mobile-sign-in-start-phone = eGov mobile арқылы кіру
egov-mobile-starting = QR-код дайындалуда…
# $time (String) — код жарамды болатын уақыт, мысалы 14:35.
egov-mobile-waiting = eGov mobile арқылы қол қойылуы күтілуде. Кодтың жарамдылық мерзімі — { $time }.
egov-mobile-open = eGov mobile қолданбасын ашу
egov-mobile-open-business = eGov Business қолданбасын ашу
egov-mobile-phone-fallback = eGov mobile басқа телефонда орнатылған болса, төмендегі QR-кодты сол телефонмен сканерлеңіз.
egov-mobile-step-open = Телефонда eGov mobile қолданбасын, ұйым атынан — eGov Business қолданбасын ашыңыз.
egov-mobile-step-scan = Қолданбада QR-кодты сканерлеуді таңдап, камераны кодқа бағыттаңыз.
egov-mobile-sign-step-confirm = «Өтініш» порталындағы өтінішке қол қойып жатқаныңызды тексеріп, қол қойыңыз.
egov-mobile-sign-in-step-confirm = «Өтініш» порталына кіріп жатқаныңызды тексеріп, кіруді растаңыз.
# QR-кодтың мәтіндік баламасы.
egov-mobile-sign-qr-alt = eGov mobile арқылы өтінішке қол қоюға арналған QR-код
egov-mobile-sign-in-qr-alt = eGov mobile арқылы кіруге арналған QR-код
# QR-кодтағы сілтеменің алдында, қолданба орнатылған телефон үшін.
egov-mobile-link-label = eGov mobile орнатылған телефонда:
egov-mobile-link = сілтемені ашу
egov-mobile-cancel = Бас тарту
egov-mobile-sign-signed = eGov mobile арқылы қол қойылды. Өтініш жіберілуде…
egov-mobile-sign-in-signed = Кіру eGov mobile арқылы расталды. Жүйеге кіру орындалуда…
egov-mobile-new-code = Жаңа QR-код алу
# Қабылданбаған қолтаңба бетінің астында.
egov-mobile-refused-help = eGov mobile қолтаңбасы қабылданбады. Жаңа QR-кодты алып, қайта қол қойыңыз.
egov-mobile-sign-expired = Қол қою уақыты өтіп кетті
egov-mobile-sign-in-expired = Кіру уақыты өтіп кетті
egov-mobile-expired-help = QR-код бірнеше минут қана жарамды. Жаңа код алыңыз.
egov-mobile-sign-cancelled = eGov mobile арқылы қол қоюдан бас тартылды
egov-mobile-sign-in-cancelled = eGov mobile арқылы кіруден бас тартылды
egov-mobile-cancelled-help = Дайын болғанда жаңа QR-код алыңыз.
egov-mobile-failed = QR-кодты алу мүмкін болмады
