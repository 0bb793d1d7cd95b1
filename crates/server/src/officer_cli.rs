//! `otinish-server officer …`: the officer's moves from a terminal, working on the database
//! directly (the same `--data-dir`, `--database-url` and `OTINISH_*` variables as `serve`),
//! with the same rules as the officer API (`processing`). Each command prints what it did.
//!
//! ```text
//! otinish-server officer list [--status under-review]
//! otinish-server officer advance HD3KM7PR
//! otinish-server officer refuse HD3KM7PR --reason incomplete-package [--comment "…"]
//! otinish-server officer issue HD3KM7PR        # every remaining step, then issued
//! ```

use crate::db::{Db, OfficerListQuery, SubmittedApplication};
use crate::names::Named;
use crate::problem::{ApiError, ApiResult};
use crate::processing;
use crate::state::Settings;
use clap::{Args, Subcommand};
use otinish_core::api::{
    ApplicationStatus as Status, OfficerApplicationSummary, Params, Reason, ReferenceNumber,
    StatusEntry,
};
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct OfficerCommand {
    #[command(flatten)]
    pub storage: Storage,
    #[command(subcommand)]
    pub action: OfficerAction,
}

/// Where the data is, as `serve` has it.
#[derive(Debug, Clone, Args)]
pub struct Storage {
    /// Directory for the database and uploaded documents.
    #[arg(long, env = "OTINISH_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,
    /// Database URL; defaults to `sqlite://<data-dir>/otinish.db`.
    #[arg(long, env = "OTINISH_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Where documents and results are kept (`s3://bucket/prefix`); by default the data
    /// directory.
    #[arg(long, env = "OTINISH_OBJECT_STORE", value_name = "URL", global = true)]
    pub object_store: Option<String>,
    /// Test mode: `issue` makes a test result document when none was uploaded.
    #[arg(long, env = "OTINISH_TEST_MODE", default_value_t = true, action = clap::ArgAction::Set, global = true)]
    pub test_mode: bool,
}

#[derive(Debug, Clone, Subcommand)]
pub enum OfficerAction {
    /// Submitted applications, oldest submission first.
    List {
        /// Only applications in this state (e.g. `under-review`).
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
    },
    /// Move an application to the next step of its provider's path.
    Advance { reference: String },
    /// Refuse an application, with a reason code the app words for the applicant.
    Refuse {
        reference: String,
        /// A kebab-case code, e.g. `incomplete-package`.
        #[arg(long)]
        reason: String,
        /// The officer's own words, shown to the applicant as they are.
        #[arg(long)]
        comment: Option<String>,
    },
    /// Take an application through every remaining step and issue its result.
    Issue { reference: String },
}

fn parse_status(text: &str) -> Result<Status, String> {
    crate::db::parse_status(text).ok_or_else(|| format!("not a status: {text}"))
}

/// One move, as the CLI reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub reference: String,
    pub from: Status,
    pub entry: StatusEntry,
}

impl fmt::Display for Moved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}  {} -> {}  at {}",
            self.reference,
            self.from.name(),
            self.entry.status.name(),
            self.entry.at.to_rfc3339()
        )?;
        if let Some(due) = self.entry.due {
            write!(f, "  due {due}")?;
        }
        if let Some(reason) = &self.entry.reason {
            write!(f, "  reason {}", reason.code)?;
        }
        Ok(())
    }
}

/// Every submitted application, oldest submission first.
pub async fn list(db: &Db, status: Option<Status>) -> ApiResult<Vec<OfficerApplicationSummary>> {
    let mut all = Vec::new();
    let mut query = OfficerListQuery {
        status,
        after: None,
        limit: 100,
    };
    loop {
        let page = db.officer_list(&query).await?;
        let full = page.len() == query.limit as usize;
        query.after = page.last().map(|item| item.position.clone());
        all.extend(page.into_iter().map(|item| item.summary));
        if !full {
            return Ok(all);
        }
    }
}

pub async fn advance(db: &Db, settings: &Settings, reference: &str) -> ApiResult<Moved> {
    let application = find(db, reference).await?;
    let entry = processing::advance(db, settings, &application).await?;
    Ok(moved(&application, application.status, entry))
}

pub async fn refuse(
    db: &Db,
    settings: &Settings,
    reference: &str,
    code: &str,
    comment: Option<&str>,
) -> ApiResult<Moved> {
    let application = find(db, reference).await?;
    let reason = Reason {
        code: code.to_string(),
        params: Params::new(),
        comment: comment.map(str::to_string),
    };
    let entry = processing::refuse(db, settings, &application, &reason).await?;
    Ok(moved(&application, application.status, entry))
}

pub async fn issue(db: &Db, settings: &Settings, reference: &str) -> ApiResult<Vec<Moved>> {
    let application = find(db, reference).await?;
    let entries = processing::issue(db, settings, &application.id).await?;
    let mut from = application.status;
    Ok(entries
        .into_iter()
        .map(|entry| {
            let step = moved(&application, from, entry);
            from = step.entry.status;
            step
        })
        .collect())
}

fn moved(application: &SubmittedApplication, from: Status, entry: StatusEntry) -> Moved {
    Moved {
        reference: application
            .reference
            .as_ref()
            .map_or_else(|| application.id.clone(), ToString::to_string),
        from,
        entry,
    }
}

/// A submitted application by its reference number, typed in any case.
async fn find(db: &Db, reference: &str) -> ApiResult<SubmittedApplication> {
    let reference =
        ReferenceNumber::parse(&reference.trim().to_uppercase()).ok_or_else(ApiError::not_found)?;
    db.submitted_application_by_reference(&reference)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// The list as a table: one application a line, columns separated by tabs.
pub fn table(items: &[OfficerApplicationSummary]) -> String {
    let mut text = String::from("REFERENCE\tSTATUS\tSERVICE\tPROVIDER\tSUB-CASE\tAPPLICANT\tDUE\n");
    for item in items {
        let summary = &item.summary;
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            summary
                .reference_number
                .as_ref()
                .map_or("-", ReferenceNumber::as_str),
            summary.status.name(),
            summary.service,
            summary.provider,
            summary.sub_case.name(),
            item.applicant_iin_bin,
            summary
                .due_date
                .map_or("-".to_string(), |due| due.to_string()),
        ));
    }
    text
}

/// Runs one command and prints what it did.
pub async fn run(command: OfficerCommand) -> Result<(), CliError> {
    let storage = command.storage;
    std::fs::create_dir_all(&storage.data_dir)
        .map_err(|e| CliError::Storage(crate::Error::DataDir(storage.data_dir.clone(), e)))?;
    let url = storage
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", storage.data_dir.join("otinish.db").display()));
    let db = Db::open(&url).await.map_err(CliError::Storage)?;
    let objects = crate::storage::Storage::open(storage.object_store.as_deref(), &storage.data_dir)
        .map_err(|e| CliError::Storage(crate::Error::ObjectStore(e)))?;
    let settings = Settings::offline(storage.test_mode, storage.data_dir, objects);
    match command.action {
        OfficerAction::List { status } => print!("{}", table(&list(&db, status).await?)),
        OfficerAction::Advance { reference } => {
            println!("{}", advance(&db, &settings, &reference).await?)
        }
        OfficerAction::Refuse {
            reference,
            reason,
            comment,
        } => println!(
            "{}",
            refuse(&db, &settings, &reference, &reason, comment.as_deref()).await?
        ),
        OfficerAction::Issue { reference } => {
            for step in issue(&db, &settings, &reference).await? {
                println!("{step}");
            }
        }
    }
    Ok(())
}

#[derive(Debug)]
pub enum CliError {
    Storage(crate::Error),
    /// The move was refused, with the code the API would answer.
    Refused(ApiError),
}

impl From<ApiError> for CliError {
    fn from(error: ApiError) -> CliError {
        CliError::Refused(error)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Storage(error) => write!(f, "{error}"),
            CliError::Refused(ApiError(problem)) => {
                write!(f, "{}", problem.code)?;
                for (name, value) in &problem.params {
                    write!(f, " {name}={value}")?;
                }
                for error in &problem.errors {
                    write!(f, " {}: {}", error.field, error.code)?;
                }
                if let Some(detail) = &problem.detail {
                    write!(f, " ({detail})")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CliError {}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(subcommand)]
        command: Top,
    }

    #[derive(Subcommand)]
    enum Top {
        Officer(OfficerCommand),
    }

    fn parse(args: &[&str]) -> OfficerCommand {
        let Top::Officer(command) =
            Cli::try_parse_from(std::iter::once("otinish-server").chain(args.iter().copied()))
                .unwrap()
                .command;
        command
    }

    #[test]
    fn the_storage_flags_go_before_or_after_the_action() {
        let before = parse(&["officer", "--data-dir", "/srv/o", "advance", "HD3KM7PR"]);
        let after = parse(&["officer", "advance", "HD3KM7PR", "--data-dir", "/srv/o"]);
        for command in [before, after] {
            assert_eq!(command.storage.data_dir, PathBuf::from("/srv/o"));
            assert!(
                matches!(command.action, OfficerAction::Advance { reference } if reference == "HD3KM7PR")
            );
        }
        let list = parse(&["officer", "list", "--status", "under-review"]);
        assert!(matches!(
            list.action,
            OfficerAction::List {
                status: Some(Status::UnderReview)
            }
        ));
        assert!(
            Cli::try_parse_from(["otinish-server", "officer", "list", "--status", "nonsense"])
                .is_err()
        );
        let refuse = parse(&[
            "officer",
            "refuse",
            "HD3KM7PR",
            "--reason",
            "incomplete-package",
        ]);
        assert!(
            matches!(refuse.action, OfficerAction::Refuse { reason, comment: None, .. } if reason == "incomplete-package")
        );
    }
}
