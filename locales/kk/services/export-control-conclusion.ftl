## «Тауарларды, технологияларды, жұмыстарды, көрсетілетін қызметтерді, ақпаратты экспорттық бақылауға
## жататын өнімге жатқызу туралы қорытынды беру» мемлекеттік көрсетілетін қызметі.
## Бұл мәтіндер қызметтер каталогында, іздеуде, қызмет бетінде және өтініш толтыру шеберінде көрсетіледі.

service-export-control-conclusion = Тауарларды, технологияларды, жұмыстарды, көрсетілетін қызметтерді, ақпаратты экспорттық бақылауға жататын өнімге жатқызу туралы қорытынды беру
service-export-control-conclusion-short = Экспорттық бақылауға жатқызу туралы қорытынды
service-export-control-conclusion-summary = Тауарларды, технологияларды, жұмыстарды, көрсетілетін қызметтерді, ақпаратты экспорттық бақылауға жататын өнімге жатқызу туралы қорытындыны электрондық немесе қағаз түрінде аласыз. Қорытындыдан олардың экспорттық бақылауға жататын-жатпайтыны көрінеді.
service-export-control-conclusion-keywords = сәйкестендіру жіктеу экспорттық бақылау қорытынды екіұдай мақсаттағы тауарлар технологиялар жұмыстар қызметтер ақпарат ижтм өнеркәсіп комитеті

page-export-control-conclusion-object = Қорытындының нысанасы
field-export-control-conclusion-object-types = Экспорттық бақылауға жататын өнімге нені жатқызу қажет
    .hint = Сәйкес келетіннің бәрін белгілеңіз.
field-export-control-conclusion-object-types-goods = Тауарлар
field-export-control-conclusion-object-types-technologies = Технологиялар
field-export-control-conclusion-object-types-works = Жұмыстар
field-export-control-conclusion-object-types-services = Көрсетілетін қызметтер
field-export-control-conclusion-object-types-information = Ақпарат
field-export-control-conclusion-object-description = Сипаттама
    .hint = Қорытынды қажет тауарларды, технологияларды, жұмыстарды, көрсетілетін қызметтерді немесе ақпаратты атап шығыңыз.
