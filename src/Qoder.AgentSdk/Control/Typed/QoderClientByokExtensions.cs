using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Qoder.AgentSdk.Control.Typed;
using Qoder.AgentSdk.Protocol;

namespace Qoder.AgentSdk;

/// <summary>
/// BYOK (bring your own key): the server's provider catalog, key validation, and the saved configurations of the CLI's
/// user, for any <see cref="IQoderClient"/>. Credentials go to the CLI only; the CLI never sends them back.
/// </summary>
public static class QoderClientByokExtensions
{
    private const string ManagementCapability = "byok_config_management_v1";

    /// <summary>Reads the server's BYOK provider catalog with its models (<c>get_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The providers, or <see langword="null"/> when BYOK is off, the CLI refuses the request or does not know it.</returns>
    public static async Task<IReadOnlyList<QoderByokProvider>?> ListByokProvidersAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        try
        {
            var body = await TypedControl.SendAsync(client, TypedControl.Request("get_byok_config"), cancellationToken).ConfigureAwait(false);
            return TypedControl.Read(body, "providers", QoderControlJsonContext.Default.IReadOnlyListQoderByokProvider);
        }
        catch (Exception ex) when (ex is QoderControlRequestException or QoderUnsupportedByCliException)
        {
            return null;
        }
    }

    /// <summary>Validates a provider, model and API key with the server, saving nothing (<c>validate_byok_model</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="validation">What to validate.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the server accepts it, or <see langword="null"/> when the CLI refuses the request or does not know it.</returns>
    public static async Task<bool?> ValidateByokModelAsync(this IQoderClient client, QoderByokModelValidation validation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var request = TypedControl.Request("validate_byok_model");
        foreach (var (name, value) in Serialize(validation, QoderControlJsonContext.Default.QoderByokModelValidation))
        {
            request[name] = value?.DeepClone();
        }

        try
        {
            var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
            return TypedControl.Bool(body, "success");
        }
        catch (Exception ex) when (ex is QoderControlRequestException or QoderUnsupportedByCliException)
        {
            return null;
        }
    }

    /// <summary>Lists the saved catalog models and custom providers, without secrets (<c>list_byok_configs</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The saved configurations.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static async Task<IReadOnlyList<QoderByokConfigInfo>> ListByokConfigsAsync(this IQoderClient client, CancellationToken cancellationToken = default)
    {
        TypedControl.Require(client, "list_byok_configs", ManagementCapability);
        var body = await TypedControl.SendAsync(client, TypedControl.Request("list_byok_configs"), cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "configs", QoderControlJsonContext.Default.IReadOnlyListQoderByokConfigInfo) ?? [];
    }

    /// <summary>Saves a catalog model with its credentials (<c>create_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="config">The model and its credentials.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The saved configuration's reference.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task<QoderByokConfigReference> CreateByokConfigAsync(this IQoderClient client, QoderByokModelConfig config, CancellationToken cancellationToken = default) =>
        CreateAsync(client, Serialize(config, QoderControlJsonContext.Default.QoderByokModelConfig), cancellationToken);

    /// <summary>Saves a user-scope custom provider (<c>create_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider; <see cref="QoderByokCustomProvider.BaseUrl"/> and <see cref="QoderByokCustomProvider.ApiKey"/> are required.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The saved provider's reference.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task<QoderByokConfigReference> CreateByokConfigAsync(this IQoderClient client, QoderByokCustomProvider provider, CancellationToken cancellationToken = default) =>
        CreateAsync(client, Complete(provider), cancellationToken);

    /// <summary>Changes a saved catalog model configuration (<c>update_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="update">The key and the changed values.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the change is saved.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task UpdateByokConfigAsync(this IQoderClient client, QoderByokModelConfigUpdate update, CancellationToken cancellationToken = default) =>
        UpdateAsync(client, Serialize(update, QoderControlJsonContext.Default.QoderByokModelConfigUpdate), cancellationToken);

    /// <summary>Changes a saved custom provider (<c>update_byok_config</c>); properties left <see langword="null"/> stay.</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider id and the changed values.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the change is saved.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task UpdateByokConfigAsync(this IQoderClient client, QoderByokCustomProvider provider, CancellationToken cancellationToken = default) =>
        UpdateAsync(client, Serialize(provider, QoderControlJsonContext.Default.QoderByokCustomProvider), cancellationToken);

    /// <summary>Deletes a saved configuration (<c>delete_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="target">The configuration: <see cref="QoderByokConfigReference.ForKey"/> or <see cref="QoderByokConfigReference.ForProvider"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when it is deleted.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static async Task DeleteByokConfigAsync(this IQoderClient client, QoderByokConfigReference target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Key is null == target.ProviderId is null)
        {
            throw new ArgumentException("Name exactly one of Key and ProviderId.", nameof(target));
        }

        TypedControl.Require(client, "delete_byok_config", ManagementCapability);
        var request = TypedControl.Request("delete_byok_config");
        request["target"] = Serialize(target, QoderControlJsonContext.Default.QoderByokConfigReference);
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a catalog model with its credentials against the provider without saving it (<c>check_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="config">The model and its credentials.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether it works, and why not.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task<QoderByokCheckResult> CheckByokConfigAsync(this IQoderClient client, QoderByokModelConfig config, CancellationToken cancellationToken = default) =>
        CheckAsync(client, Serialize(config, QoderControlJsonContext.Default.QoderByokModelConfig), cancellationToken);

    /// <summary>Checks a custom provider without saving it (<c>check_byok_config</c>).</summary>
    /// <param name="client">The client.</param>
    /// <param name="provider">The provider; <see cref="QoderByokCustomProvider.BaseUrl"/> and <see cref="QoderByokCustomProvider.ApiKey"/> are required.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether it works, and why not.</returns>
    /// <exception cref="QoderUnsupportedByCliException">The CLI lacks <c>byok_config_management_v1</c>.</exception>
    public static Task<QoderByokCheckResult> CheckByokConfigAsync(this IQoderClient client, QoderByokCustomProvider provider, CancellationToken cancellationToken = default) =>
        CheckAsync(client, Complete(provider), cancellationToken);

    private static async Task<QoderByokConfigReference> CreateAsync(IQoderClient client, JsonObject config, CancellationToken cancellationToken)
    {
        TypedControl.Require(client, "create_byok_config", ManagementCapability);
        var request = TypedControl.Request("create_byok_config");
        request["config"] = config;
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, "config", QoderControlJsonContext.Default.QoderByokConfigReference)
            ?? throw new QoderProtocolException("create_byok_config was answered without the saved configuration's reference.");
    }

    private static async Task UpdateAsync(IQoderClient client, JsonObject config, CancellationToken cancellationToken)
    {
        TypedControl.Require(client, "update_byok_config", ManagementCapability);
        var request = TypedControl.Request("update_byok_config");
        request["config"] = config;
        await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<QoderByokCheckResult> CheckAsync(IQoderClient client, JsonObject config, CancellationToken cancellationToken)
    {
        TypedControl.Require(client, "check_byok_config", ManagementCapability);
        var request = TypedControl.Request("check_byok_config");
        request["config"] = config;
        var body = await TypedControl.SendAsync(client, request, cancellationToken).ConfigureAwait(false);
        return TypedControl.Read(body, QoderControlJsonContext.Default.QoderByokCheckResult) ?? new QoderByokCheckResult();
    }

    private static JsonObject Complete(QoderByokCustomProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (string.IsNullOrEmpty(provider.BaseUrl) || string.IsNullOrEmpty(provider.ApiKey))
        {
            throw new ArgumentException("A custom provider needs BaseUrl and ApiKey to be saved or checked.", nameof(provider));
        }

        return Serialize(provider, QoderControlJsonContext.Default.QoderByokCustomProvider);
    }

    private static JsonObject Serialize<T>(T value, JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToNode(value, info)!.AsObject();
    }
}
