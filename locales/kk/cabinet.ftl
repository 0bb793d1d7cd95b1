## Жеке кабинет: өтініш берушінің өтініштері мен жобалары (/cabinet) және әр өтініштің жеке беті:
## жағдайының тарихы, жауаптары, құжаттары, түбіртегі және нәтижесі.

cabinet-title = Жеке кабинет
# Одан кейін өтініш берушінің тізілімдегі аты тұрады.
cabinet-signed-in-as = Сіз жүйеге кірдіңіз:
cabinet-checking = Жүйеге кіргеніңізді тексеріп жатырмыз…
cabinet-loading = Жүктеліп жатыр…
cabinet-sign-in-intro = Өтініштеріңізді, жобаларыңызды және нәтижелерді көру үшін жүйеге кіріңіз.
cabinet-sign-in = Жеке кабинетке кіру
cabinet-new-application = Жаңа өтініш беру

## Өтініштің жағдайлары (тізімдегі белгі, тарихтағы қадам); 40 таңбадан аспасын

status-draft = Жоба
status-awaiting-payment = Төлем күтілуде
status-paid = Төленді
status-signed = Қол қойылды
status-delivered = Көрсетілетін қызметті берушіге жеткізілді
status-registered = Тіркелді
status-executor-assigned = Орындаушы тағайындалды
status-under-review = Қаралуда
status-agreement-requested = Мемлекеттік органдармен келісілуде
status-agreement-received = Келісім алынды
status-decision = Шешім қабылданды
status-issued = Берілді
status-refused = Бас тартылды
# Қосымша әлі білмейтін жағдай (оны кейінгі сервер қосқан).
status-unknown = Өңделуде

## Менің өтініштерім

cabinet-applications-heading = Менің өтініштерім
cabinet-filter-status = Жағдайы
cabinet-filter-all = Барлығы
cabinet-filter-apply = Көрсету
# Тізімнің үстінде. $count — сан.
cabinet-applications-count = { $count } өтініш
cabinet-no-applications = Сіз әлі бірде-бір өтініш берген жоқсыз.
cabinet-no-applications-with-status = Мұндай жағдайдағы өтініштер жоқ.
# Өтініш туралы мәліметтердің атаулары.
cabinet-reference = Өтініштің нөмірі
cabinet-service = Қызмет
cabinet-sub-case = Өтініш түрі
cabinet-provider = Көрсетілетін қызметті беруші
cabinet-submitted = Жіберілген күні
cabinet-registered-on = Тіркелген күні
cabinet-status = Жағдайы
cabinet-due = Мерзімі
cabinet-changed = Өзгертілген уақыты
# Мерзімнен кейін, жақша ішінде. $days — қалған жұмыс күндерінің саны (мерзімнің соңғы күні 0).
cabinet-working-days-left = { $days ->
    [0] мерзімі бүгін аяқталады
   *[other] { $days } жұмыс күні қалды
}
# Өтіп кеткен мерзімнің жанындағы қызыл белгі.
cabinet-overdue = Мерзімі өтіп кетті
# Жағдайы өзгергенде экраннан оқу бағдарламасы оқиды. $application — нөмірі (немесе қызмет),
# $status — жаңа жағдайы.
cabinet-status-changed = «{ $application }» өтінішінің жағдайы өзгерді: { $status }

## Жобалар

cabinet-drafts-heading = Өтініш жобалары
cabinet-drafts-intro = Сіз толтыра бастаған, бірақ әлі жібермеген өтініштер.
cabinet-no-drafts = Жобалар жоқ.
# Тек осы құрылғыда сақталған жобаның жағдайының орнына.
cabinet-draft-in-browser = Осы браузерде сақталған
cabinet-resume = Жалғастыру
cabinet-discard = Жою
# $service — қызметтің қысқа атауы.
cabinet-discard-question = «{ $service }» жобасын жоясыз ба?
cabinet-discard-warning = Жауаптар мен қоса берілген файлдар жойылады, оларды қалпына келтіру мүмкін болмайды.
cabinet-discard-confirm = Иә, жою
cabinet-discard-cancel = Болдырмау
# Экраннан оқу бағдарламасы оқиды.
cabinet-draft-discarded = Жоба жойылды.

## Бір өтініштің беті

cabinet-back = Менің өтініштерім
cabinet-application = Өтініш
# $reference — өтініштің нөмірі, мысалы HD3KM7PR.
cabinet-application-title = { $reference } нөмірлі өтініш
cabinet-draft-title = Өтініш жобасы
cabinet-draft-not-submitted = Өтініш көрсетілетін қызметті берушіге әлі жіберілген жоқ.
cabinet-not-found-title = Өтініш табылмады
cabinet-not-found-text = Сіздің өтініштеріңіздің арасында мұндай өтініш жоқ. Мекенжайды тексеріңіз немесе өтініштеріңіздің тізімін ашыңыз.
# Мерзімнің астында. $term — «15 жұмыс күні» сияқты мерзім.
cabinet-legal-term = мемлекеттік қызмет көрсету мерзімі — { $term } (Қазақстанның өндірістік күнтізбесі бойынша)
cabinet-timeline-heading = Өтініштің қаралу барысы
cabinet-timeline-intro = Көрсетілетін қызметті беруші регламентінің қадамдары. Жағдайы өздігінен жаңарады, бетті қайта жүктеудің қажеті жоқ.
# Тарихтағы қадамның жанында.
cabinet-step-in-progress = орындалуда
cabinet-step-upcoming = күтілуде
# Тарихтағы қадамның астында. $date — «2026 ж. 16 қаңтарға дейін» сияқты мерзім.
cabinet-step-due = Мерзімі: { $date }
# Жағдайы өзгергенде экраннан оқу бағдарламасы оқиды. $status — жаңа жағдайы.
cabinet-status-now = Өтініштің жағдайы өзгерді: { $status }.
cabinet-issued-title = Нәтиже дайын
# Одан кейін берілген құжаттың нөмірі тұрады.
cabinet-document-number = Құжаттың нөмірі:
# $kind — қызмет нәтижесінде берілетін құжат.
cabinet-download = { $kind ->
    [licence] Лицензияны жүктеп алу
    [permit] Рұқсатты жүктеп алу
    [certificate] Сертификатты жүктеп алу
    [conclusion] Қорытындыны жүктеп алу
   *[other] Нәтижені жүктеп алу
}
cabinet-refused-title = Мемлекеттік қызметті көрсетуден бас тартылды
# Одан кейін себебі тұрады (refusal-reason-… мәтіндерінің бірі).
cabinet-refusal-reason = Себебі:
cabinet-refusal-comment = Көрсетілетін қызметті берушінің түсіндірмесі:
cabinet-download-refusal = Дәлелді бас тарту хатын жүктеп алу
cabinet-refused-next = Бас тарту себебін жойып, жаңа өтініш бере аласыз.
cabinet-appeal-heading = Егер бас тартумен келіспесеңіз
# $regulation is the full title of an act, $provider the provider's name.
cabinet-appeal-unknown = Бас тартуға қайда және қандай мерзімде шағым жасауға болатыны мемлекеттік көрсетілетін қызмет регламентінде ({ $regulation }) де, біз тапқан басқа дереккөздерде де айтылмаған. Мұны көрсетілетін қызметті берушіден нақтылаңыз: { $provider }.
cabinet-apply-again = Жаңа өтініш беру
cabinet-answers-heading = Сіздің жауаптарыңыз
cabinet-documents-heading = Қоса берілген құжаттар
cabinet-receipt-heading = Төлем түбіртегі
cabinet-receipt-number = Түбіртектің нөмірі
cabinet-receipt-paid-at = Төленген уақыты
cabinet-receipt-amount = Сомасы
cabinet-receipt-payer = Төлеушінің ЖСН/БСН
# Бюджеттік сыныптама коды.
cabinet-receipt-budget-code = БСК
# Төлем мақсатының коды.
cabinet-receipt-purpose-code = ТМК
cabinet-receipt-gateway-reference = Төлем шлюзіндегі төлемнің нөмірі

## Бас тарту себептері, «Себебі:» сөзінен кейін. Кодты қызметкер береді; кіші әріппен басталады.

refusal-reason-incomplete-package = құжаттар топтамасы толық ұсынылмаған
refusal-reason-fee-not-paid = лицензиялық алым төленбеген
refusal-reason-qualification-requirements = өтініш беруші біліктілік талаптарына сәйкес келмейді
refusal-reason-activity-prohibited = Қазақстан Республикасының заңдары өтініш берушіге осы қызмет түрімен айналысуға тыйым салады
refusal-reason-court-ban = өтініш берушіге осы қызмет түрімен айналысуға тыйым салу туралы заңды күшіне енген сот шешімі бар
refusal-reason-agreement-refused = келісуші мемлекеттік орган теріс қорытынды берді
refusal-reason-documents-expired = ұсынылған құжаттардың қолданылу мерзімі өткен
# Жоғарыда жоқ код үшін.
refusal-reason-other = көрсетілетін қызметті берушінің дәлелді бас тарту хатында көрсетілген

## Сеанстың аяқталуы: жүйеге кірген кезде кез келген бетте шығатын терезе

session-warning-title = Сіз әлі осындасыз ба?
session-warning-text = Сіз ұзақ уақыт бойы ешқандай әрекет жасамадыңыз. Кабинетіңізді басқа біреу пайдаланбауы үшін сеансты жақында аяқтаймыз.
# $minutes және $seconds — қалған уақыт.
session-warning-countdown = { $minutes ->
    [0] Сеанс { $seconds } секундтан кейін аяқталады.
   *[other] Сеанс { $minutes } минут { $seconds } секундтан кейін аяқталады.
}
session-stay = Жұмысты жалғастыру
session-sign-out = Шығу
session-ended-title = Сіз жеке кабинеттен шықтыңыз
session-ended-text = Ұзақ уақыт бойы ешқандай әрекет болмағандықтан, сеанс аяқталды. Енгізгендеріңіздің барлығы осы браузерде сақталды: жалғастыру үшін жүйеге қайта кіріңіз.
session-sign-in-again = Қайта кіру
session-close = Жабу
