## Сандар, мерзімдер, сомалар және күндер: мерзімі, алымы немесе күні бар әр бетте қолданылады.

# Мерзімдер. $amount — бүтін сан. Қазақ тілінде сан есімнен кейін зат есім жекеше тұрады.
term-minutes = { $amount } минут
term-hours = { $amount } сағат
term-working-days = { $amount } жұмыс күні
term-calendar-days = { $amount } күнтізбелік күн
# Ешбір дереккөз бермеген мерзімнің орнына көрсетіледі.
term-unknown = мерзімі расталмады — көрсетілетін қызметті берушіден нақтылаңыз

# Мерзімі күнтізбелік күнмен есептелетін күннен кейін, жақша ішінде. $days — қалған күнтізбелік
# күндердің саны (мерзімнің соңғы күні 0).
calendar-days-left = { $days ->
    [0] мерзімі бүгін аяқталады
   *[other] { $days } күнтізбелік күн қалды
}

# Алымдар. $amount пішімделіп берілген, мысалы «43 250 ₸»; $mrp — АЕК саны, мысалы «10» немесе «0,3».
fee-amount = { $amount } ({ $mrp } АЕК)
fee-free = ақы алынбайды
fee-unknown = ақы алына ма, алынса қанша — табылған дереккөздердің ешқайсысында көрсетілмеген, көрсетілетін қызметті берушіден нақтылаңыз
fee-due-unsourced = лицензиялық алым белгіленген мөлшерлеме бойынша алынады; мөлшерлемесі табылған дереккөздердің ешқайсысында көрсетілмеген — соманы көрсетілетін қызметті берушіден нақтылаңыз

# Күндер. $day және $year — сандар, $month — төмендегі ай атауларының бірі.
date-long = { $year } ж. { $day } { $month }
# Нормативтік актілердің деректемелеріндегі түрі: «2013 жылғы 15 сәуірдегі».
date-attributive = { $year } жылғы { $day } { $month }
month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан
month-attributive-1 = қаңтардағы
month-attributive-2 = ақпандағы
month-attributive-3 = наурыздағы
month-attributive-4 = сәуірдегі
month-attributive-5 = мамырдағы
month-attributive-6 = маусымдағы
month-attributive-7 = шілдедегі
month-attributive-8 = тамыздағы
month-attributive-9 = қыркүйектегі
month-attributive-10 = қазандағы
month-attributive-11 = қарашадағы
month-attributive-12 = желтоқсандағы

# Уақыт сәті: $date — толық күн, $time — «10:15». same in every language
date-time = { $date }, { $time }
# Файлдың көлемі. $size — сан. same in every language
size-kilobytes = { $size } КБ
# same in every language
size-megabytes = { $size } МБ

# Соңғы мерзім: «2026 ж. 23 ақпанға дейін». Төмендегі ай атаулары барыс септігінде.
date-until = { $year } ж. { $day } { $month } дейін
month-until-1 = қаңтарға
month-until-2 = ақпанға
month-until-3 = наурызға
month-until-4 = сәуірге
month-until-5 = мамырға
month-until-6 = маусымға
month-until-7 = шілдеге
month-until-8 = тамызға
month-until-9 = қыркүйекке
month-until-10 = қазанға
month-until-11 = қарашаға
month-until-12 = желтоқсанға
