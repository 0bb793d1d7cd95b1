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

wizard-sub-case-heading = Сізге не қажет?
wizard-sub-case-legend = Өтініш түрі
wizard-error-choose-sub-case = Сізге не қажет екенін таңдаңыз
wizard-targets-heading = Өтінішті не үшін бересіз?
wizard-targets-legend = Лицензия немесе қосымша
wizard-targets-both = Лицензия және оған қосымша
wizard-error-choose-targets = Өтінішті не үшін беретініңізді таңдаңыз
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
wizard-check-saved = Жауаптарыңыз осы браузерде сақталды: оларға кез келген уақытта оралуға болады.
wizard-check-next = Құжаттарды қоса беру, төлеу, қол қою және өтінішті онлайн жіберу жақында қосылады.

## Өтініш беруші қадамы
wizard-stage-applicant = Өтініш беруші
wizard-applicant-heading = Өтініш беруші
wizard-applicant-checking = Жүйеге кіргеніңізді тексеріп жатырмыз…
wizard-applicant-sign-in-intro = Өтініш беру үшін жүйеге кіріңіз: деректеріңізді мемлекеттік деректер қорларынан аламыз, оларды енгізудің қажеті жоқ. Берген жауаптарыңыз сақталады.
wizard-applicant-sign-in = Кіру
wizard-applicant-register = Тіркелу
wizard-applicant-name = Өтініш беруші
wizard-applicant-iin-bin = ЖСН немесе БСН
wizard-applicant-address = Мекенжайы
wizard-applicant-from-registry = Бұл мәліметтер «Жеке тұлғалар» және «Заңды тұлғалар» мемлекеттік деректер қорларынан алынды.
# $who — өтініш бере алатындар, мысалы «Заңды тұлға (БСН)».
wizard-applicant-not-eligible = Таңдалған көрсетілетін қызметті берушіде бұл қызметті тек мыналар ала алады: { $who }.
wizard-applicant-back-to-service = Қызмет сипаттамасына оралу
