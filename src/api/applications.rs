//! Applications: the backend's configuration, drafts and their answers, the list, the
//! status history and the result.

use super::{Request, Result, builder, send, send_empty, url, with_body};
use otinish_core::api::{
    Answers, AnswersSaved, Application, ApplicationList, ApplicationStatus, Config,
    CreateApplicationRequest, History, SaveAnswersRequest,
};

/// Test mode, accepted file types, signature methods and limits.
pub async fn config() -> Result<Config> {
    send(builder(Request::get, "/config").await.build()).await
}

/// My applications, most recently changed first; `status` narrows the list. Every page:
/// the backend's `next_cursor` is followed until the last.
pub async fn applications(status: Option<ApplicationStatus>) -> Result<ApplicationList> {
    let mut query = "/applications?limit=100".to_string();
    if let Some(status) = status {
        query.push_str("&status=");
        query.push_str(&otinish_core::catalog::messages::key(&status));
    }
    let mut all = ApplicationList {
        items: Vec::new(),
        next_cursor: None,
    };
    let mut path = query.clone();
    // A backend that hands out cursors without end cannot hold the page forever.
    for _ in 0..MAX_PAGES {
        let page: ApplicationList = send(builder(Request::get, &path).await.build()).await?;
        all.items.extend(page.items);
        match page.next_cursor {
            // Cursors are the contract's URL-safe alphabet, sent back as they came.
            Some(cursor) => path = format!("{query}&cursor={cursor}"),
            None => break,
        }
    }
    Ok(all)
}

/// 100 pages of 100: far more applications than one applicant makes.
const MAX_PAGES: usize = 100;

pub async fn create_application(request: &CreateApplicationRequest) -> Result<Application> {
    send(with_body(
        builder(Request::post, "/applications").await,
        request,
    ))
    .await
}

pub async fn application(id: &str) -> Result<Application> {
    send(
        builder(Request::get, &format!("/applications/{id}"))
            .await
            .build(),
    )
    .await
}

/// Replaces the stored answers; `version` is the one last read.
pub async fn save_answers(id: &str, version: u32, answers: &Answers) -> Result<AnswersSaved> {
    let request = SaveAnswersRequest {
        version,
        answers: answers.clone(),
    };
    send(with_body(
        builder(Request::put, &format!("/applications/{id}/answers")).await,
        &request,
    ))
    .await
}

/// Discards a draft (204).
pub async fn discard(id: &str) -> Result<()> {
    send_empty(
        builder(Request::delete, &format!("/applications/{id}"))
            .await
            .build(),
    )
    .await
}

pub async fn history(id: &str) -> Result<History> {
    send(
        builder(Request::get, &format!("/applications/{id}/history"))
            .await
            .build(),
    )
    .await
}

/// Where the browser downloads the issued document or the reasoned refusal.
pub async fn result_url(id: &str) -> String {
    url(&format!("/applications/{id}/result")).await
}
