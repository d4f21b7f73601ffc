namespace Ledgerline.Xero.Sandbox.Projects;

/// <summary>
/// One organisation's Projects data, in insertion order (the order lists answer in). Guarded by the tenant book's gate.
/// The users are the organisation's, not data: <see cref="Clear"/> keeps them.
/// </summary>
internal sealed class ProjectBook
{
    public List<ProjectsUser> Users { get; } = [];

    public List<ProjectRecord> Projects { get; } = [];

    public List<ProjectTask> Tasks { get; } = [];

    public List<ProjectTimeEntry> Time { get; } = [];

    public ProjectRecord? Project(Guid id) => Projects.Find(p => p.ProjectId == id);

    public ProjectTask? Task(Guid projectId, Guid taskId) => Tasks.Find(t => t.ProjectId == projectId && t.TaskId == taskId);

    public ProjectTimeEntry? Entry(Guid projectId, Guid id) => Time.Find(t => t.ProjectId == projectId && t.TimeEntryId == id);

    public ProjectsUser? User(Guid id) => Users.Find(u => u.UserId == id);

    public void Clear()
    {
        Projects.Clear();
        Tasks.Clear();
        Time.Clear();
    }
}
