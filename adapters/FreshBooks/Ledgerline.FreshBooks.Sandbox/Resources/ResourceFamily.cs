using System.Text.Json;
using Ledgerline.FreshBooks.Sandbox.Hosting;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>
/// What one FreshBooks service family does its own way: envelopes, paging counters, error bodies and wording, and
/// which verbs and update rules it has. Resources of a family differ only in their declaration.
/// </summary>
internal abstract class ResourceFamily
{
    private static readonly HashSet<string> None = [];

    public abstract int DefaultPerPage { get; }

    /// <summary>Whether PATCH updates like PUT (otherwise 405).</summary>
    public abstract bool AcceptsPatch { get; }

    /// <summary>Accounting's update phases: <c>ext_vis_state</c>/<c>vis_state</c>, then <c>action_*</c>, then fields; deleted records refuse writes (1011).</summary>
    public abstract bool HasUpdatePhases { get; }

    /// <summary>Whether fields a resource does not know are ignored (pydantic) rather than refused.</summary>
    public abstract bool IgnoresUnknownFields { get; }

    /// <summary>The error for a field (or, with <see cref="BindFailure.MalformedBody"/>, a body) that cannot be bound.</summary>
    public abstract ApiError Describe(BindFailure failure, string? field, string objectName, string? value = null);

    /// <summary>Includes asked for in the query string of any request (accounting's <c>include[]</c>).</summary>
    public virtual IReadOnlySet<string> Includes(IQueryCollection query) => None;

    public abstract void WriteSingle(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> record, Action<Utf8JsonWriter>? extras);

    /// <summary>A list page; <paramref name="meta"/> adds members after the paging counters.</summary>
    public abstract void WriteList(Utf8JsonWriter w, string key, Action<Utf8JsonWriter> records, Paging paging, int total, Action<Utf8JsonWriter> meta);

    public abstract Task ErrorsAsync(HttpContext context, int status, IReadOnlyList<ApiError> errors);

    public abstract Task NotFoundAsync(HttpContext context, string objectName, string idField, string id);

    public abstract Task MethodNotAllowedAsync(HttpContext context, string objectName);

    /// <summary>The answer to a successful DELETE.</summary>
    public abstract Task DeletedAsync(HttpContext context);
}
