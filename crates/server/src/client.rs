//! Who is on the other end of the connection, for the per-client limits: the peer address,
//! or, only when the peer is a configured trusted proxy (`--trusted-proxy`), the last
//! address of `X-Forwarded-For` that is not one of those proxies. Anyone can write that
//! header, so it is never believed from anyone else.

use crate::state::AppState;
use axum::extract::{ConnectInfo, OptionalFromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

/// The client a request counts against. IPv6 clients count by their /64 network, which one
/// subscriber usually holds whole: one address each would let them escape every limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddress(pub IpAddr);

impl ClientAddress {
    pub fn of(peer: IpAddr, headers: &HeaderMap, trusted_proxies: &[IpAddr]) -> ClientAddress {
        let mut client = peer;
        if trusted_proxies.contains(&peer) {
            // The nearest hop a trusted proxy did not add is the client.
            let hops = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
                .collect::<Vec<_>>();
            for hop in hops.into_iter().rev() {
                client = hop;
                if !trusted_proxies.contains(&hop) {
                    break;
                }
            }
        }
        ClientAddress(network_of(client))
    }
}

fn network_of(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let segments = v6.segments();
                IpAddr::V6(Ipv6Addr::new(
                    segments[0],
                    segments[1],
                    segments[2],
                    segments[3],
                    0,
                    0,
                    0,
                    0,
                ))
            }
        },
        v4 => v4,
    }
}

/// `None` when the connection's address is unknown: only in-process tests, which serve
/// without `into_make_service_with_connect_info`; `serve` always knows it.
impl OptionalFromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Infallible> {
        Ok(parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(peer)| {
                ClientAddress::of(peer.ip(), &parts.headers, &state.settings.trusted_proxies)
            }))
    }
}

#[cfg(test)]
mod tests {
    use super::ClientAddress;
    use axum::http::HeaderMap;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "203.0.113.9, 198.51.100.7".parse().unwrap(),
        );
        let proxy = ip("10.0.0.2");
        assert_eq!(
            ClientAddress::of(ip("192.0.2.1"), &headers, &[proxy]),
            ClientAddress(ip("192.0.2.1")),
            "an untrusted peer's header is ignored"
        );
        assert_eq!(
            ClientAddress::of(proxy, &headers, &[proxy]),
            ClientAddress(ip("198.51.100.7")),
            "the hop the proxy added, not one the client wrote"
        );
        assert_eq!(
            ClientAddress::of(proxy, &HeaderMap::new(), &[proxy]),
            ClientAddress(proxy)
        );
    }

    #[test]
    fn an_ipv6_client_is_its_64_network() {
        let none = HeaderMap::new();
        assert_eq!(
            ClientAddress::of(ip("2001:db8:1:2:aaaa::1"), &none, &[]),
            ClientAddress::of(ip("2001:db8:1:2:bbbb::2"), &none, &[])
        );
        assert_ne!(
            ClientAddress::of(ip("2001:db8:1:2::1"), &none, &[]),
            ClientAddress::of(ip("2001:db8:1:3::1"), &none, &[])
        );
        assert_eq!(
            ClientAddress::of(ip("::ffff:192.0.2.1"), &none, &[]),
            ClientAddress(ip("192.0.2.1"))
        );
    }
}
