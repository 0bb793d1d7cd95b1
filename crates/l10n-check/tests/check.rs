//! Each class of problem, fed as a small fixture, is reported at the right place; and the
//! real locales pass.

use l10n_check::{Finding, Locale, LocaleFile, Lock, Severity, check, check_dir, codes, stale};
use std::path::{Path, PathBuf};

fn locale(code: &str, files: &[(&str, &str)]) -> Locale {
    let files = files
        .iter()
        .map(|(name, source)| {
            LocaleFile::parse(
                PathBuf::from(format!("locales/{code}/{name}")),
                source.to_string(),
            )
        })
        .collect();
    Locale {
        code: code.to_string(),
        files,
    }
}

fn run(ru: &str, kk: &str) -> Vec<Finding> {
    check(
        &locale("ru", &[("app.ftl", ru)]),
        &[locale("kk", &[("app.ftl", kk)])],
    )
}

fn only(findings: &[Finding]) -> &Finding {
    assert_eq!(
        findings.len(),
        1,
        "expected exactly one finding, got {findings:#?}"
    );
    &findings[0]
}

fn at(finding: &Finding, path: &str, line: usize, column: usize) {
    assert_eq!(
        (finding.path.to_str().unwrap(), finding.line, finding.column),
        (path, line, column),
        "{finding}"
    );
}

#[test]
fn identical_structure_passes() {
    let ru = "hello = Привет, { $name }!\n    .title = Приветствие\n";
    let kk = "hello = Сәлем, { $name }!\n    .title = Сәлемдесу\n";
    assert_eq!(run(ru, kk), vec![]);
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let finding = run("ok = Да\n", "ok = Иә\nbroken = { $x\n")
        .into_iter()
        .find(|f| f.message.contains("cannot be read"));
    let finding = finding.expect("a syntax error is reported");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        (finding.path.to_str().unwrap(), finding.line),
        ("locales/kk/app.ftl", 2)
    );
}

#[test]
fn a_message_missing_in_kazakh_is_reported_where_russian_has_it() {
    let findings = run("one = Раз\ntwo = Два\n", "one = Бір\n");
    let finding = only(&findings);
    at(finding, "locales/ru/app.ftl", 2, 1);
    assert!(
        finding.message.contains("`two` has no translation in `kk`"),
        "{finding}"
    );
    assert!(finding.message.contains("locales/kk/app.ftl"), "{finding}");
}

#[test]
fn an_extra_message_in_kazakh_is_reported() {
    let finding = run("one = Раз\n", "one = Бір\nextra = Артық\n")
        .into_iter()
        .next()
        .unwrap();
    at(&finding, "locales/kk/app.ftl", 2, 1);
    assert!(
        finding.message.contains("not in the reference locale"),
        "{finding}"
    );
}

#[test]
fn attributes_must_match() {
    let findings = run(
        "m = Текст\n    .hint = Подсказка\n",
        "\n\nm = Мәтін\n    .label = Белгі\n",
    );
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(
        findings
            .iter()
            .all(|f| f.line == 3 && f.path.ends_with("kk/app.ftl"))
    );
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("lacks the attribute .hint"))
    );
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("attribute .label"))
    );
}

#[test]
fn variables_must_match() {
    let findings = run(
        "m = { $count } из { $total }\n",
        "m = { $total } ішінен { $cuont }\n",
    );
    assert_eq!(findings.len(), 2, "{findings:#?}");
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("does not use { $count }"))
    );
    assert!(
        findings
            .iter()
            .any(|f| f.message.contains("uses { $cuont }"))
    );
}

#[test]
fn a_choice_without_default_is_a_syntax_error_with_advice() {
    let ru = "m = { $kind ->\n    [a] А\n    *[b] Б\n}\n";
    let kk = "m = { $kind ->\n    [a] А\n    [b] Б\n}\n";
    let findings = run(ru, kk);
    let finding = findings
        .iter()
        .find(|f| f.message.contains("default variant"))
        .expect("reported");
    assert_eq!(finding.path, Path::new("locales/kk/app.ftl"));
    assert_eq!(finding.line, 3);
}

#[test]
fn russian_plurals_need_one_few_many_and_other() {
    let ru = "files = { $n ->\n    [one] { $n } файл\n   *[other] { $n } файлов\n}\n";
    let kk = "files = { $n ->\n    [one] { $n } файл\n   *[other] { $n } файл\n}\n";
    let finding = only(&run(ru, kk)).clone();
    at(&finding, "locales/ru/app.ftl", 1, 1);
    assert!(finding.message.contains("[few], [many]"), "{finding}");
}

#[test]
fn kazakh_identical_to_russian_is_a_warning_unless_marked() {
    let ru = "a = Лицензия выдана\nb = Лицензия\n";
    let kk = "a = Лицензия выдана\n# same in every language\nb = Лицензия\n";
    let finding = only(&run(ru, kk)).clone();
    assert_eq!(finding.severity, Severity::Warning);
    at(&finding, "locales/kk/app.ftl", 1, 1);
}

#[test]
fn straight_quotes_and_three_dots_are_reported_at_their_column() {
    let ru =
        "a = Портал \"Е-лицензирование\"\nb = Загрузка...\nc = { \"literal\" } в коде — можно\n";
    let kk = "a = «Е-лицензиялау» порталы\nb = Жүктелуде…\nc = { \"literal\" } кодта — болады\n";
    let findings = run(ru, kk);
    assert_eq!(findings.len(), 3, "{findings:#?}");
    at(&findings[0], "locales/ru/app.ftl", 1, 12);
    at(&findings[1], "locales/ru/app.ftl", 1, 29);
    at(&findings[2], "locales/ru/app.ftl", 2, 13);
    assert!(findings[2].message.contains('…'));
}

#[test]
fn a_plain_space_where_a_line_must_not_break_is_a_warning_at_its_column() {
    // `~` stands for a no-break space in these fixtures.
    let ru = "a = { $year } г.\nb = приказ № { $n }\nc = { $size } МБ, { $p } %\nd = 2026~г., №~462, 15~МБ, 40~%\ne = в 2026 году, № — знак номера\n"
        .replace('~', "\u{a0}");
    let kk = "a = { $year } ж.\nb = № { $n } бұйрық\nc = { $size } МБ-тан, { $p } %\nd = 2026~ж., №~462, 15~МБ, 40~%\ne = 2026 жылы, № — нөмір белгісі\n"
        .replace('~', "\u{a0}");
    let findings = run(&ru, &kk);
    assert!(
        findings
            .iter()
            .all(|f| f.severity == Severity::Warning && f.message.contains("U+00A0")),
        "{findings:#?}"
    );
    let places: Vec<(&str, usize, usize)> = findings
        .iter()
        .map(|f| (f.path.to_str().unwrap(), f.line, f.column))
        .collect();
    assert_eq!(
        places,
        vec![
            ("locales/kk/app.ftl", 1, 14),
            ("locales/kk/app.ftl", 2, 6),
            ("locales/kk/app.ftl", 3, 14),
            ("locales/kk/app.ftl", 3, 29),
            ("locales/ru/app.ftl", 1, 14),
            ("locales/ru/app.ftl", 2, 13),
            ("locales/ru/app.ftl", 3, 14),
            ("locales/ru/app.ftl", 3, 25),
        ]
    );
}

fn lock(text: &str) -> Lock {
    Lock::parse(PathBuf::from("locales/kk.lock"), text)
}

#[test]
fn a_translation_is_stale_once_its_russian_text_changes() {
    let ru_then = locale("ru", &[("app.ftl", "a = Заявление подано\nb = Отмена\n")]);
    let kk = locale("kk", &[("app.ftl", "a = Өтініш берілді\nb = Болдырмау\n")]);
    let mut recorded = lock("");
    recorded.mark_all(&ru_then);
    let recorded = lock(&recorded.to_text());
    assert_eq!(stale::check(&ru_then, &kk, &recorded), vec![]);

    let ru_now = locale(
        "ru",
        &[("app.ftl", "a = Заявление отправлено\nb = Отмена\n")],
    );
    let findings = stale::check(&ru_now, &kk, &recorded);
    let finding = only(&findings);
    assert_eq!(finding.severity, Severity::Warning);
    at(finding, "locales/kk/app.ftl", 1, 1);
    assert!(finding.message.contains("«Заявление подано»"), "{finding}");
    assert!(
        finding.message.contains("«Заявление отправлено»"),
        "{finding}"
    );
    assert!(finding.message.contains("reviewed a"), "{finding}");

    let mut reviewed = recorded;
    reviewed.mark(&ru_now, &["a".to_string()]).unwrap();
    assert_eq!(stale::check(&ru_now, &kk, &reviewed), vec![]);
    assert!(reviewed.mark(&ru_now, &["gone".to_string()]).is_err());
}

#[test]
fn a_multi_line_russian_text_survives_the_lock_file() {
    let ru = locale(
        "ru",
        &[(
            "app.ftl",
            "n = { $n ->\n    [one] { $n } файл\n   *[other] { $n } файлов\n}\n    .title = Файлы\n",
        )],
    );
    let kk = locale(
        "kk",
        &[("app.ftl", "n = { $n } файл\n    .title = Файлдар\n")],
    );
    let mut recorded = lock("");
    recorded.mark_all(&ru);
    let text = recorded.to_text();
    assert_eq!(
        text.lines().filter(|l| l.starts_with("n = ")).count(),
        1,
        "{text}"
    );
    assert_eq!(stale::check(&ru, &kk, &lock(&text)), vec![]);
}

#[test]
fn a_translation_the_lock_does_not_know_is_a_warning() {
    let ru = locale("ru", &[("app.ftl", "a = Да\n")]);
    let kk = locale("kk", &[("app.ftl", "a = Иә\n")]);
    let finding = only(&stale::check(&ru, &kk, &lock(""))).clone();
    at(&finding, "locales/kk/app.ftl", 1, 1);
    assert!(finding.message.contains("kk.lock"), "{finding}");
}

#[test]
fn every_problem_code_needs_words_in_every_locale() {
    let all = codes::all();
    assert!(
        all.contains(&"not-found") && all.contains(&"required") && all.contains(&"unreachable")
    );
    let kk = locale("kk", &[("errors.ftl", "error-not-found = Табылмады\n")]);
    let findings = codes::check(&kk, &["not-found", "file-infected"]);
    let finding = only(&findings);
    assert_eq!(finding.severity, Severity::Error);
    at(finding, "locales/kk/errors.ftl", 1, 1);
    assert!(
        finding.message.contains("`error-file-infected`"),
        "{finding}"
    );
}

#[test]
fn a_message_defined_twice_is_reported() {
    let findings = run("a = Раз\na = Два\n", "a = Бір\n");
    assert!(
        findings
            .iter()
            .any(|f| f.line == 2 && f.message.contains("defined twice")),
        "{findings:#?}"
    );
}

#[test]
fn the_real_locales_have_no_missing_no_break_space() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let findings = check_dir(&root, "ru", &["kk"]).expect("the locales are readable");
    let warnings: Vec<String> = findings
        .iter()
        .filter(|f| f.message.contains("U+00A0"))
        .map(ToString::to_string)
        .collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
}

#[test]
fn the_real_locales_have_no_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let findings = check_dir(&root, "ru", &["kk"]).expect("the locales are readable");
    let errors: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(
        errors.is_empty(),
        "the locale check found errors:\n{}",
        errors.join("\n")
    );
}
