namespace WiseCx.Sandbox.Data;

// Surveys: the three of the collection's example, with questions; survey 1 has enough responses to need three pages,
// survey 198 (inactive) none at all, which the API answers with a 400.
internal static partial class Seed
{
    public const long SurveyWithManyResponses = 1;
    public const long SurveyWithoutResponses = 198;

    private static void SeedSurveys(Random rng, SandboxState state, DateTime now)
    {
        var phone = new SurveyRecord
        {
            Id = 1, Guid = "483605dfc6744192b4ff548c66c349ad", Name = "Encuesta Teléfono", Title = "Encuesta de Atención Telefónica",
            Description = "Encuesta para evaluar la calidad del servicio telefónico", Color = "#FFF",
            LogoUrl = "https://midominio.com/logos/telefono.png", Language = "es", SubmitButtonLabel = "Completar Encuesta",
            CompletionMessage = "Gracias por tu tiempo", Active = true,
        };
        // The questions of the collection's example, ids and all.
        phone.Questions.AddRange(
        [
            new("0050db233d7e4e62a91b85846a18e46f", "En una escala del 1 al 10, ¿qué tan probable es que nos recomiende a un colega o amigo? (NPS 10, requerido)",
                "nps10", true, false, 1, 1, "Nada probable", "Muy probable", []),
            new("84fbddf4cae44c219f76483147974dd8", "¿Hemos resuelto su consulta?", "boolean", true, false, 2, 1, "", "", []),
            new("48f623c2c8eb429a9836f9250eb791e8", "Déjenos un comentario…", "comment", false, false, 3, 1, "", "", []),
            new("c4ed30764774455e9792afee8d0af463", "Déjenos un comentario…", "checkboxes", false, false, 4, 1, "", "",
                [new("2c510a03bbe149198054f1e033321b63", "Opción 1", "Opción 1"), new(HexId(rng), "Opción 2", "Opción 2"), new(HexId(rng), "Opción 3", "Opción 3")]),
            new("d834069213624b4787653a1403737331", "Déjenos un comentario…", "optionbutton", false, false, 5, 1, "", "",
                [new("905b2040eaf54338a96283f37adcddfa", "Opción 1", "Opción 1"), new(HexId(rng), "Opción 2", "Opción 2")]),
        ]);

        var systems = new SurveyRecord
        {
            Id = 5, Guid = "2e05630e61ff426fb7bae62610ff1f62", Name = "Encuesta Sistemas", Title = "Encuesta de Soporte Técnico",
            Description = "Evaluación del área de sistemas", Color = "#E0E0E0", LogoUrl = "https://midominio.com/logos/sistemas.png",
            Language = "es", CompletionDescription = "Tu opinión nos ayuda a mejorar", SubmitButtonLabel = "Enviar Respuestas",
            CompletionMessage = "¡Encuesta enviada correctamente!", Active = true,
        };
        systems.Questions.AddRange(
        [
            new(HexId(rng), "¿Cómo califica la atención recibida?", "nps10", true, true, 1, 1, "Muy mala", "Excelente", []),
            new(HexId(rng), "¿Se resolvió su problema?", "boolean", true, false, 2, 1, "", "", []),
            new(HexId(rng), "Comentarios", "comment", false, false, 3, 2, "", "", []),
        ]);

        var nps = new SurveyRecord
        {
            Id = 198, Guid = "cf4fe81078424c49a2e79b65d12yjids", Name = "Encuesta nps5", Title = "Encuesta NPS", Description = null,
            Color = "#000000", LogoUrl = "https://midominio.com/logos/nps.png", Language = "es", SubmitButtonLabel = "Finalizar",
            CompletionMessage = "Gracias por responder nuestra encuesta", Active = false,
        };
        nps.Questions.AddRange(
        [
            new(HexId(rng), "¿Nos recomendaría?", "nps10", true, true, 1, 1, "Nada probable", "Muy probable", []),
            new(HexId(rng), "¿Por qué?", "comment", false, false, 2, 1, "", "", []),
        ]);

        // Surveys go out when a case is solved: responses point at real solved cases and their contacts.
        var solved = state.Cases.Values
            .Where(c => c.SolvedAt is not null && c.ContactId != 0)
            .OrderBy(c => c.Id)
            .Select(c => (CaseId: c.Id, c.ContactId, Solved: c.SolvedAt!.Value))
            .ToArray();
        if (solved.Length == 0)
        {
            // With --cases 0 there is nothing to survey; keep the responses (paging needs them) on the contacts alone.
            var anchor = now.Date;
            solved = state.Contacts.Keys.Select((id, i) => (0L, id, anchor.AddHours(-i))).ToArray();
        }
        var responseId = 100L;
        foreach (var (survey, count) in new[] { (phone, 262), (systems, 37) })
        {
            for (var i = 0; i < count; i++)
            {
                var source = solved[rng.Next(solved.Length)];
                var sent = source.Solved.AddMinutes(rng.Next(1, 30));
                var responded = rng.Next(10) < 6;
                responseId += rng.Next(1, 4);
                survey.Responses.Add(new SurveyResponseRecord
                {
                    ResponseId = responseId,
                    SurveyId = survey.Id,
                    CaseId = source.CaseId,
                    ContactId = source.ContactId,
                    Status = responded ? "responded" : "not_responded",
                    SentAt = sent,
                    RespondedAt = responded ? sent.AddMinutes(rng.Next(1, 600)).AddSeconds(rng.Next(60)) : null,
                    Answers = responded ? Answers(rng, survey) : [],
                });
            }
        }

        foreach (var survey in new[] { phone, systems, nps }) state.Surveys.Add(survey.Id, survey);
    }

    private static List<SurveyAnswer> Answers(Random rng, SurveyRecord survey)
    {
        var answers = new List<SurveyAnswer>();
        foreach (var question in survey.Questions)
        {
            if (!question.Required && rng.Next(3) == 0) continue;
            // As in the collection's example, an NPS question's answers are reported with the type "rating".
            answers.Add(question.Type switch
            {
                "nps10" => new SurveyAnswer(question.Id, "rating", rng.Next(0, 11)),
                "boolean" => new SurveyAnswer(question.Id, "boolean", rng.Next(4) != 0),
                "comment" => new SurveyAnswer(question.Id, "comment", Pick(rng, Comments)),
                "checkboxes" => new SurveyAnswer(question.Id, "checkboxes",
                    question.Options.Where(_ => rng.Next(2) == 0).Select(o => o.Value).DefaultIfEmpty(question.Options[0].Value).ToArray()),
                _ => new SurveyAnswer(question.Id, question.Type, Pick(rng, question.Options).Value),
            });
        }
        return answers;
    }

    private static readonly string[] Comments =
        ["Muy buena atención", "Tardaron demasiado", "Excelente, gracias!", "No me resolvieron nada", "Todo OK", "Didn't get my refund yet"];
}
