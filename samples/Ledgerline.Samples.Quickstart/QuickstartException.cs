namespace Ledgerline.Samples.Quickstart;

/// <summary>A step of the story could not go on for a reason the app itself detects (denied consent, a state mismatch, …).</summary>
internal sealed class QuickstartException(string message) : Exception(message);
