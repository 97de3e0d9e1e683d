using System.Buffers.Text;
using System.Text;
using Qoder.AgentSdk.Sessions;
using StackExchange.Redis;

namespace Qoder.AgentSdk.SessionStore.Redis;

/// <summary>
/// The Redis key layout, the same as the official Qoder SDK samples' Redis store so hosts in any language share sessions:
/// <c>{prefix}:entries:{project}:{session}:main</c> and <c>{prefix}:entries:{project}:{session}:child:{subpath}</c> (lists
/// of JSON entries), <c>{prefix}:sessions:{project}</c> (sorted set of session ids scored by modification time in Unix
/// milliseconds) and <c>{prefix}:subkeys:{project}:{session}</c> (set of subpaths). Project keys, session ids and
/// subpaths are base64url-encoded without padding, so no segment can contain the separator.
/// </summary>
internal sealed class RedisSessionKeys
{
    private readonly string _prefix;

    public RedisSessionKeys(string prefix) => _prefix = NormalizePrefix(prefix);

    public string Prefix => _prefix;

    /// <summary>Drops trailing separators, as the samples do, so <c>app:</c> and <c>app</c> name the same keys.</summary>
    public static string NormalizePrefix(string prefix) => prefix.TrimEnd(':');

    public RedisKey Entries(QoderSessionKey key) => key.Subpath is null
        ? $"{_prefix}:entries:{Encode(key.ProjectKey)}:{Encode(key.SessionId)}:main"
        : $"{_prefix}:entries:{Encode(key.ProjectKey)}:{Encode(key.SessionId)}:child:{Encode(key.Subpath)}";

    public RedisKey Sessions(string projectKey) => $"{_prefix}:sessions:{Encode(projectKey)}";

    public RedisKey Subkeys(string projectKey, string sessionId) => $"{_prefix}:subkeys:{Encode(projectKey)}:{Encode(sessionId)}";

    /// <summary>base64url of the UTF-8 bytes, without padding (what Node's <c>base64url</c> and the Python sample produce).</summary>
    public static string Encode(string value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));
}
