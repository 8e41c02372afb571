using ReadinessSurvey.Tests.TestSupport;

[assembly: TestCollectionOrderer(LongestFirst.TypeName, "ReadinessSurvey.Web.Tests")]
