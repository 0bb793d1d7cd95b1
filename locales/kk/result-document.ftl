## Эталондық сервер басып шығаратын нәтиже құжаты (PDF, crates/server/src/result_document.rs):
## тест режиміндегі берілген құжат және дәлелді бас тарту. Қазақ және орыс тілдерінде бірінің
## астында бірі басылады, сондықтан бір жолдық қарапайым мәтіндер; белгілер қысқа болсын.

result-document-test-mode = ТЕСТ РЕЖИМІ: ҚҰЖАТТЫҢ ЗАҢДЫ КҮШІ ЖОҚ
result-document-refusal-title = Дәлелді бас тарту
result-document-number = Нөмірі
result-document-issued-on = Берілген күні
result-document-holder = Кімге берілді
result-document-iin-bin = ЖСН / БСН
result-document-activity = Қызмет түрі
result-document-subject = Мәні
result-document-issued-by = Кім берді
result-document-application = Өтініш
result-document-date = Күні
result-document-applicant = Өтініш беруші
result-document-service = Қызмет
result-document-provider = Көрсетілетін қызметті беруші
result-document-reason = Бас тарту себебі
result-document-comment = Көрсетілетін қызметті берушінің түсініктемесі
# Офицер себептер тізімінде жоқ себепті көрсеткенде.
result-document-reason-unlisted = көрсетілетін қызметті берушінің түсініктемесінде көрсетілген
result-document-made-by = «Өтініш» эталондық сервері otinish-server жасаған.
