namespace Ledgerline.Samples.Quickstart.Consent;

/// <summary>Which button the scripted browser presses on the sandbox's consent page.</summary>
internal enum ConsentDecision
{
    /// <summary>Allow: FreshBooks redirects back with a code.</summary>
    Allow,

    /// <summary>Deny: FreshBooks redirects back with <c>error=access_denied</c>.</summary>
    Deny,
}
