using System.Net;
using System.Net.Sockets;

namespace TalksBot.WebArticles.Fetching;

/// <summary>
/// Which addresses a moderator-supplied URL may reach: public unicast only, so an import cannot be used to probe
/// the bot's own machine, its cloud metadata service or the private network it runs in.
/// </summary>
internal static class AddressPolicy
{
    // (network, prefix length) per IANA special-purpose registries; anything here is not "the public web".
    private static readonly IPNetwork[] BlockedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),         // "this network", includes the unspecified address
        IPNetwork.Parse("10.0.0.0/8"),        // private
        IPNetwork.Parse("100.64.0.0/10"),     // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),       // loopback
        IPNetwork.Parse("169.254.0.0/16"),    // link-local, cloud metadata endpoints
        IPNetwork.Parse("172.16.0.0/12"),     // private
        IPNetwork.Parse("192.0.0.0/24"),      // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),      // documentation
        IPNetwork.Parse("192.168.0.0/16"),    // private
        IPNetwork.Parse("198.18.0.0/15"),     // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),   // documentation
        IPNetwork.Parse("203.0.113.0/24"),    // documentation
        IPNetwork.Parse("224.0.0.0/4"),       // multicast
        IPNetwork.Parse("240.0.0.0/4"),       // reserved, includes broadcast
    ];

    private static readonly IPNetwork[] BlockedV6 =
    [
        IPNetwork.Parse("::/96"),             // unspecified, loopback and deprecated IPv4-compatible forms
        IPNetwork.Parse("100::/64"),          // discard-only
        IPNetwork.Parse("2001:db8::/32"),     // documentation
        IPNetwork.Parse("fc00::/7"),          // unique local
        IPNetwork.Parse("fe80::/10"),         // link-local
        IPNetwork.Parse("fec0::/10"),         // deprecated site-local
        IPNetwork.Parse("ff00::/8"),          // multicast
    ];

    // NAT64 (64:ff9b::/96) and IPv4-compatible forms carry an IPv4 address in the last 32 bits.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return IsBlocked(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return BlockedV4.Any(n => n.Contains(address));
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return true;
        if (Nat64.Contains(address))
            return IsBlocked(new IPAddress(address.GetAddressBytes()[12..]));
        return BlockedV6.Any(n => n.Contains(address));
    }
}
