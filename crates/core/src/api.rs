//! The types of the API contract, `api/openapi.yaml` (being written).
