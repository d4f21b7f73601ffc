using Ledgerline.FreshBooks.Sandbox.Data;

namespace Ledgerline.FreshBooks.Sandbox.Resources;

/// <summary>One served collection, as its family's endpoints see it after the token, scope and account checks.</summary>
internal interface IResource
{
    /// <summary>Where the family's router finds it, e.g. "users/clients" or "projects/projects"; the first is canonical.</summary>
    IReadOnlyList<string> Paths { get; }

    /// <summary>The scope object: a GET needs <c>user:{Scope}:read</c>, anything else <c>user:{Scope}:write</c>.</summary>
    string Scope { get; }

    Task HandleAsync(HttpContext context, AccountState account, string? id, DateTimeOffset now);
}
