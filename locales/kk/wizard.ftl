## Өтініш нысаны: қадамдар көрсеткіші, каталог қоятын сұрақтар (өтініш түрі, көрсетілетін қызметті
## беруші), батырмалар мен сілтемелер және «Жауаптарды тексеру» беті.

# Қадамдар көрсеткішінің кезеңдері; әрқайсысы 20 таңбадан аспасын.
wizard-stage-service = Қызмет
wizard-stage-details = Мәліметтер
wizard-stage-check = Тексеру
# Қадамдар көрсеткішінің үстінде. $step және $total — сандар.
wizard-step-of = { $total } қадамның { $step }-қадамы
# Экраннан оқу бағдарламасы қадамдар көрсеткіші үшін оқиды.
wizard-steps-label = Өтініш беру кезеңдері
# Серверде сақталған өтініш (жеке кабинеттен, басқа құрылғыдан) ашылып жатқанда.
wizard-opening = Өтініш ашылып жатыр…

wizard-sub-case-heading = Сізге не қажет?
wizard-sub-case-legend = Өтініш түрі
wizard-error-choose-sub-case = Сізге не қажет екенін таңдаңыз
wizard-targets-heading = Өтінішіңіз неге қатысты?
wizard-targets-legend = Лицензия немесе қосымша
wizard-targets-both = Лицензия және оған қосымша
wizard-error-choose-targets = Өтініш неге қатысты екенін таңдаңыз
wizard-provider-heading = Өтінішті қайда бересіз?
wizard-provider-legend = Көрсетілетін қызметті беруші
wizard-error-choose-provider = Көрсетілетін қызметті берушіні таңдаңыз

# Батырмалар мен сілтемелер; қысқа болсын.
wizard-continue = Жалғастыру
wizard-back = Артқа
wizard-change = Өзгерту
# Толтырылмай қалуы мүмкін сұрақтың атауынан кейін.
wizard-optional = (міндетті емес)
# Ашылмалы тізімнің бірінші, бос нұсқасы.
wizard-choose = Таңдаңыз

answer-yes = Иә
answer-no = Жоқ

wizard-check-heading = Жауаптарыңызды тексеріңіз
wizard-not-answered = Көрсетілмеген
# Жауаптардың астында. «Жалғастыру» батырмасынан кейін төлем (алым алынатын болса) және қол қою.
# $documents: осы нысанда құжаттар қоса берілсе — "yes", әйтпесе — "no".
wizard-check-next-payment = { $documents ->
    [yes] Жауаптар мен құжаттарды тексеріңіз.
   *[no] Жауаптарыңызды тексеріңіз.
} Одан әрі — лицензиялық алымды төлем шлюзі арқылы төлеу, содан кейін өтінішке ЭЦҚ-мен қол қою және оны жіберу.
wizard-check-next-sign = { $documents ->
    [yes] Жауаптар мен құжаттарды тексеріңіз.
   *[no] Жауаптарыңызды тексеріңіз.
} Одан әрі — өтінішке ЭЦҚ-мен қол қою және оны жіберу.
wizard-check-continue = Бәрі дұрыс, жалғастыру
wizard-check-declaration-heading = Растау
wizard-check-declaration = Жалғастыра отырып, сіз өтініштегі мәліметтердің өзіңізге белгілі болғанынша дұрыс әрі толық екенін растайсыз. Өтінішке «Қол қою және жіберу» қадамында ЭЦҚ-мен қол қоясыз.
wizard-check-not-started = Сіз бұл өтінішті толтыруды әлі бастаған жоқсыз: әзірге тексеретін ештеңе жоқ.
wizard-check-start = Толтыруды бастау

## "Check your answers": the fee, and how one whose rate no source gives is settled.
wizard-check-fee-heading = Төлем
wizard-check-fee-licence = Лицензиялық алым
wizard-check-fee-other = Қызмет үшін ақы
# $amount is an amount in tenge, «30 000 ₸».
wizard-check-fee-gateway = { $amount }, «электрондық үкіметтің» төлем шлюзі арқылы төленеді (соманы өзіңіз көрсеттіңіз)
wizard-check-fee-receipt = Банкте немесе терминал арқылы төленді, түбіртек өтінішке қоса берілді

## A licence fee whose rate no source gives: the provider sets the amount.
wizard-fee-heading = Лицензиялық алым
wizard-fee-due = Бұл лицензия үшін лицензиялық алым белгіленген мөлшерлеме бойынша төленеді. Сіздің қызмет түріңіз бойынша мөлшерлеме бірде-бір дереккөзде табылмады, сондықтан соманы көрсетілетін қызметті берушіден нақтылаңыз.
wizard-fee-before = Алым өтініш берілгенге дейін бюджетке төленеді. Төленген алым қайтарылмайды, тек құжаттар берілгенге дейін лицензия алудан бас тартқан жағдай бұған жатпайды.
wizard-fee-source = Дереккөз: egov.kz, «Лицензиялық алым мөлшерлемелері».
wizard-fee-legend = Алымды қалай төлейсіз?
wizard-fee-gateway = Қазір, «электрондық үкіметтің» төлем шлюзі арқылы
wizard-fee-amount = Алым сомасы, теңге
wizard-fee-amount-hint = Көрсетілетін қызметті беруші атаған сома, бүтін теңгемен, мысалы 43 250.
wizard-fee-receipt = Алым банкте немесе терминал арқылы төленіп қойған
wizard-fee-receipt-hint = Түбіртекті немесе төлем тапсырмасын «Құжаттар» қадамында қоса бересіз.
wizard-fee-error-way = Алымды қалай төлейтініңізді таңдаңыз
wizard-fee-error-amount = Алым сомасын енгізіңіз
wizard-fee-error-whole = Соманы бүтін теңгемен, тек цифрлармен енгізіңіз, мысалы 43 250
wizard-fee-error-range = Сома 1 теңгеден 10 000 000 теңгеге дейін болуы керек

## Өтініш беруші қадамы
wizard-stage-applicant = Өтініш беруші
wizard-applicant-heading = Өтініш беруші
wizard-applicant-checking = Жүйеге кіргеніңізді тексеріп жатырмыз…
wizard-applicant-sign-in-intro = Өтініш беру үшін жүйеге кіріңіз: деректеріңізді мемлекеттік деректер қорларынан аламыз, оларды енгізудің қажеті жоқ. Берген жауаптарыңыз сақталады.
wizard-applicant-sign-in = Кіру
wizard-applicant-name = Өтініш беруші
wizard-applicant-iin-bin = ЖСН немесе БСН
wizard-applicant-address = Мекенжайы
wizard-applicant-from-registry = Бұл мәліметтер «Жеке тұлғалар» және «Заңды тұлғалар» мемлекеттік деректер қорларынан алынды.
# $who — өтініш бере алатындар, мысалы «Заңды тұлға (БСН)».
wizard-applicant-not-eligible = Таңдалған көрсетілетін қызметті беруші бұл қызметті тек мыналарға көрсетеді: { $who }.
wizard-applicant-back-to-service = Қызмет сипаттамасына оралу

wizard-stage-documents = Құжаттар
wizard-stage-payment = Төлем
wizard-stage-submit = Жіберу

## Қайталанатын беттер («тағы біреуін қосу»). $field — сұрақ, $n — реттік нөмір.
wizard-item-field = { $field } (№ { $n })
wizard-remove = Жою
# «Жою» басылғаннан кейін экранды оқу бағдарламасы айтады. $item — жойылған элементтің тақырыбы.
wizard-item-removed = { $item }: жойылды

## Жауаптардың серверде сақталғаны; нысанның астында көрсетіледі және сыпайы оқылады.
wizard-save-saving = Сақталуда…
wizard-save-saved = Жауаптар жеке кабинетте сақталды.
wizard-save-local = Сервермен байланыс жоқ: жауаптар осы браузерде сақталды, байланыс қалпына келгенде жіберіледі.
wizard-save-merged = Жауаптар браузердің басқа қойындысында немесе басқа құрылғыда да өзгертілген: екі жердегі өзгерістердің бәрі сақталды.
wizard-save-merged-conflicts = Кейбір жауаптар осы жерде де, браузердің басқа қойындысында немесе басқа құрылғыда да өзгертілген. Осы терезедегі жауаптар сақталды: жібермес бұрын оларды тексеріңіз.
wizard-save-refused = Сервер жауаптарды қабылдамады: олар осы браузерде сақталды. Жеке кабинетке кіргеніңізді тексеріп, толтыруды жалғастырыңыз.

## Құжаттар қадамы
wizard-documents-heading = Құжаттар
wizard-documents-intro = Құжаттарды қоса беріңіз: әрқайсысы үшін жарамды файл пішімдері мен файлдың ең үлкен көлемі көрсетілген.
wizard-documents-none = Сіздің өтінішіңізге құжат қоса берудің қажеті жоқ.
wizard-documents-sign-in = Құжаттарды қоса беру үшін жеке кабинетке кіріңіз. Жауаптарыңыз сақталады.
# $formats — файл пішімдері, мысалы «PDF, JPG, PNG»; $megabytes — сан.
wizard-documents-formats = Пішімі: { $formats }, көлемі { $megabytes } МБ-тан аспасын.
wizard-documents-choose = Файлды таңдау
wizard-documents-replace = Ауыстыру
# Файл жойылғаннан кейін экранды оқу бағдарламасы айтады. $file — файлдың атауы.
wizard-documents-removed = «{ $file }» файлы жойылды
# $percent — 0-ден 100-ге дейінгі бүтін сан.
wizard-documents-sending = Жүктелуде: { $percent } %
wizard-documents-drop = Файлды осында сүйреп әкелуге де болады.

## Төлем қадамы
wizard-payment-heading = Лицензиялық алымды төлеу
wizard-payment-checking = Төлемді тексеріп жатырмыз…
wizard-payment-intro = Алым «электрондық үкіметтің» төлем шлюзі арқылы төленеді. Сомасы бүгінгі айлық есептік көрсеткіш бойынша есептелді.
wizard-payment-intro-entered = Алым «электрондық үкіметтің» төлем шлюзі арқылы сіз көрсеткен сомада төленеді.
wizard-payment-amount = Төленетін сома
wizard-payment-gateway-note = Сіз төлем шлюзінің бетіне өтесіз, төлегеннен кейін осында ораласыз.
wizard-payment-pay = Төлеуге өту
wizard-payment-pending = Төлем әлі өңделуде. Жауап келген бойда бет өздігінен жаңарады.
wizard-payment-back-to-gateway = Төлемге оралу
wizard-payment-declined = Төлем өтпеді
wizard-payment-declined-cancelled = Сіз төлемнен бас тарттыңыз. Шотыңыздан ақша алынған жоқ.
wizard-payment-declined-other = Төлем шлюзі төлемді қабылдамады. Шотыңыздан ақша алынған жоқ. Қайталап көріңіз немесе басқа картаны таңдаңыз.
wizard-payment-retry = Қайта төлеу
wizard-payment-paid = Алым төленді
wizard-payment-to-check = Жауаптарды тексеруге оралу

wizard-receipt-heading = Түбіртек
wizard-receipt-number = Түбіртектің нөмірі
wizard-receipt-paid-at = Төленген күні мен уақыты
wizard-receipt-amount = Сомасы
wizard-receipt-payer = Төлеушінің ЖСН/БСН
wizard-receipt-budget-code = Бюджеттік сыныптама коды (БСК)
wizard-receipt-purpose-code = Төлем мақсатының коды (ТМК)
wizard-receipt-gateway-reference = Төлем шлюзіндегі операцияның нөмірі

## Қол қою және жіберу қадамы
wizard-sign-heading = Қол қою және жіберу
wizard-sign-intro = Өтінішке электрондық цифрлық қолтаңбамен (ЭЦҚ) қол қойылады және ол бірден көрсетілетін қызметті берушіге жіберіледі.
wizard-sign-submit = Қол қою және жіберу
wizard-sign-signing = Өтінішке қол қойылуда…
# $attempt — әрекеттің нөмірі, 1-ден басталады.
wizard-sign-sending = Өтініш жіберілуде{ $attempt ->
    [1] …
   *[other] … ({ $attempt }-әрекет)
}
wizard-sign-refused = Өтініш қабылданбады
wizard-sign-not-sent = Сервермен байланысу мүмкін болмады. Өтінішке қол қойылды және ол осы браузерде сақталды; байланыс қалпына келгенде оны қайта жіберіңіз. Екінші өтініш пайда болмайды.
wizard-sign-resend = Қайта жіберу

## Растау
wizard-done-heading = Өтініш жіберілді
wizard-done-reference = Өтінішіңіздің нөмірі
# $at — күні мен уақыты.
wizard-done-sent = Жіберілген уақыты: { $at }.
# $date — күні.
wizard-done-registered = Өтініштің тіркелген күні: { $date }
wizard-done-due = Нәтижені берудің соңғы күні: { $date }.
wizard-done-due-unknown = Мемлекеттік қызмет көрсету мерзімі бізге қолжетімді дереккөздерде көрсетілмеген — оны көрсетілетін қызметті берушіден нақтылаңыз.
wizard-done-next-heading = Одан әрі не болады
# $provider — көрсетілетін қызметті берушінің атауы.
wizard-done-next = Өтінішті { $provider } қарайды. Қараудың әр қадамы мен оның мерзімі жеке кабинетте көрінеді.
wizard-done-result = { $kind ->
    [licence] Нәтижені — лицензияны немесе дәлелді бас тарту хатын — жеке кабинеттен жүктеп алуға болады.
    [permit] Нәтижені — рұқсатты немесе дәлелді бас тарту хатын — жеке кабинеттен жүктеп алуға болады.
    [certificate] Нәтижені — сертификатты немесе дәлелді бас тарту хатын — жеке кабинеттен жүктеп алуға болады.
    [conclusion] Нәтижені — қорытындыны немесе дәлелді бас тарту хатын — жеке кабинеттен жүктеп алуға болады.
   *[other] Нәтижені жеке кабинеттен жүктеп алуға болады.
}
wizard-done-notify = Біз SMS немесе электрондық пошта арқылы хабарлама жібермейміз: өтініштің мәртебесі жеке кабинетте көрінеді, ал өтініштің ашық тұрған беті оның өзгергенін өзі хабарлайды.
# Батырма: бетті басып шығарады немесе басып шығару терезесінен PDF ретінде сақтайды.
wizard-done-print = Осы бетті басып шығару немесе сақтау
wizard-done-cabinet = Жеке кабинетке өту
wizard-done-another = Басқа өтініш беру

## Жауап берілмеген сұрақ: не істеу керектігі, сұрақтың жанында және қателер тізімінде.
## Әр сұраққа бір хабарлама (wizard-required-<өріс id>); хабарламасы жоқ сұраққа жалпы
## error-required шығады.

wizard-required-contact-phone = Байланыс телефонын енгізіңіз
wizard-required-contact-email = Электрондық пошта мекенжайын енгізіңіз
wizard-required-activity-address = Объектінің мекенжайын енгізіңіз
wizard-required-licence-number = Қолданыстағы лицензияның нөмірін енгізіңіз
wizard-required-licence-date = Лицензияның берілген күнін енгізіңіз
wizard-required-reissue-reason = Қайта ресімдеу себебін таңдаңыз
wizard-required-reissue-reason-details = Қайта ресімдеу себебін жазыңыз
wizard-required-duplicate-reason = Телнұсқаның не себепті қажет екенін таңдаңыз
wizard-required-activity-subtypes = Қызметтің кіші түрлерін жазыңыз
wizard-required-controlled-transit-products = Транзитіне рұқсат қажет өнімді сипаттаңыз
wizard-required-export-control-conclusion-object-types = Экспорттық бақылауға жататын өнімге нені жатқызу қажет екенін таңдаңыз
wizard-required-export-control-conclusion-object-description = Өнімді сипаттаңыз
wizard-required-export-import-direction = Лицензияның не үшін қажет екенін таңдаңыз
wizard-required-export-import-controlled = «Иә» немесе «Жоқ» деп таңдаңыз
wizard-required-narcotics-export-import-direction = Лицензияның не үшін қажет екенін таңдаңыз
wizard-required-narcotics-export-import-basis = Мәміленің немен расталатынын таңдаңыз
wizard-required-narcotics-export-import-contract-details = Сыртқы сауда шарты (келісімшарты) туралы мәліметтерді енгізіңіз
wizard-required-narcotics-import-export-transit-operations = Рұқсаттың не үшін қажет екенін таңдаңыз
wizard-required-pesticides-activities = Лицензия қажет қызмет түрлерін таңдаңыз
wizard-required-processing-abroad-products-description = Қайта өңделетін өнімді сипаттаңыз

## Күн сұрағы: күні, айы және жылы үш өрісте (GOV.UK date input).
wizard-date-hint = Мысалы, 27 3 2007
wizard-date-day = Күні
wizard-date-month = Айы
wizard-date-year = Жылы
