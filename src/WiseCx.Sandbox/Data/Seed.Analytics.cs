namespace WiseCx.Sandbox.Data;

// Analytics reports: 6541 is the collection's example; 6600 is a dashboard (refused); 6666 always ends in "error".
internal static partial class Seed
{
    public const long CaseReportId = 6541;
    public const long SurveyReportId = 6542;
    public const long DashboardReportId = 6600;
    public const long FailingReportId = 6666;

    private static readonly string[] CaseColumns =
        [
            "conv_id", "conv_number", "conv_created", "group_id", "user_id", "contact_id", "status", "source_channel", "priority", "subject", "tags",
            "solved", "first_response_minutes",
        ];

    private static readonly string[] SurveyColumns =
        ["response_id", "survey_id", "case_id", "contact_id", "status", "sent_at", "responded_at"];

    private static void SeedAnalytics(SandboxState state)
    {
        foreach (var report in new AnalyticsReportRecord[]
                 {
                     new(CaseReportId, "Casos por grupo y agente", false, ReportSource.Cases, CaseColumns,
                         ["conv_id", "conv_created", "group_id", "user_id", "status", "solved", "first_response_minutes"], "d", false),
                     new(SurveyReportId, "Respuestas de encuestas", false, ReportSource.SurveyResponses, SurveyColumns,
                         ["survey_id", "status", "sent_at", "responded_at"], "d", false),
                     new(DashboardReportId, "Tablero de gestión", true, ReportSource.Cases, CaseColumns, CaseColumns, "d", false),
                     new(FailingReportId, "Reporte con error", false, ReportSource.Cases, CaseColumns, CaseColumns, "d", true),
                 })
            state.Reports.Add(report.Id, report);
    }
}
