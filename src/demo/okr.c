/* The demo organisation's objectives and key results (issue 14, item 8):
 * a year of them, of the organisation and of each team, of all three
 * types, with check-ins; some met, some at risk, one quarter still
 * running with a check-in due. The demo's evidence runs from November
 * 2025 to October 2026, so the competency key results move with it.
 * Written as CSV and imported as a user's files are. */
#include <stdio.h>

#include "demo/okr.h"
#include "demo/written.h"

static const char objectives_csv[] =
	"key,team,title,start,end,owner,parent,checkin_interval\n"
	"ORG-2026,,A contact centre that puts the resident first,2026,,KCC-1001,,monthly\n"
	"PHONE-Q2,kcc-phone,Listen first: callers feel heard,2026-Q2,,KCC-1010,ORG-2026,"
	"monthly\n"
	"PHONE-Q3,kcc-phone,Shorter calls without losing quality,2026-Q3,,KCC-1010,ORG-2026,"
	"fortnightly\n"
	"ONLINE-H2,kcc-online,Chat that answers at once,2026-07-01,2026-12-31,KCC-1050,ORG-2026,"
	"monthly\n"
	"DESK-Q4,kcc-desk,The Stadswinkel by appointment,2026-Q4,,KCC-1030,ORG-2026,monthly\n"
	"BACK-2026,kcc-back,Municipal and digital knowledge in every hand,2026,,KCC-1070,ORG-2026,"
	"monthly\n"
	"DESK-2026,kcc-desk,Residents at the desk feel heard,2026,,KCC-1030,ORG-2026,monthly\n";

static const char key_results_csv[] =
	"objective,key,title,type,competency,level,target,start_value,unit,weight\n"
	"ORG-2026,ORG-2026-CF,80% of the contact centre at level 3 in customer focus,competency,"
	"customer-focus,3,0.8,,,2\n"
	"ORG-2026,ORG-2026-CSAT,Resident satisfaction from 7.2 to 8.0,metric,,,8.0,7.2,points,1\n"
	"PHONE-Q2,PHONE-Q2-AL,75% of the phone team at level 3 in active listening,competency,"
	"active-listening,3,0.75,,,1\n"
	"PHONE-Q2,PHONE-Q2-FCR,First-contact resolution from 62% to 75%,metric,,,75,62,%,2\n"
	"PHONE-Q3,PHONE-Q3-AHT,Average handling time down from 410 to 360 seconds,metric,,,360,"
	"410,s,2\n"
	"PHONE-Q3,PHONE-Q3-KB,12 knowledge articles rewritten in plain language,milestone,,,12,"
	",articles,1\n"
	"ONLINE-H2,ONLINE-H2-DS,70% of the online team at level 3 in digital skills,competency,"
	"digital-skills,3,0.7,,,1\n"
	"ONLINE-H2,ONLINE-H2-RT,First chat answer within 60 seconds (from 95),metric,,,60,95,s,1\n"
	"DESK-Q4,DESK-Q4-KEPT,Appointments kept from 85% to 95%,metric,,,95,85,%,1\n"
	"DESK-Q4,DESK-Q4-MOVED,3 Stadswinkel processes moved to appointments,milestone,,,3,0,"
	"processes,1\n"
	"BACK-2026,BACK-2026-MK,7 of 8 in the back office at level 3 in municipal knowledge,"
	"competency,municipal-knowledge,3,0.875,,,2\n"
	"BACK-2026,BACK-2026-DS,Half the back office at level 3 in digital skills,competency,"
	"digital-skills,3,0.5,,,1\n"
	"DESK-2026,DESK-2026-AL,80% of the desk at level 3 in active listening,competency,"
	"active-listening,3,0.8,,,1\n";

static const char checkins_csv[] =
	"key_result,date,value,confidence,note\n"
	"ORG-2026-CSAT,2026-03-31,7.4,0.7,The first quarter's survey: waiting times are the main"
	" complaint\n"
	"ORG-2026-CSAT,2026-06-30,7.6,0.7,\n"
	"ORG-2026-CSAT,2026-09-30,7.7,0.5,The chat answers faster; the phone lines still queue at"
	" Monday opening\n"
	"PHONE-Q2-FCR,2026-04-30,64,0.6,Callback script introduced\n"
	"PHONE-Q2-FCR,2026-05-31,69,0.8,\n"
	"PHONE-Q2-FCR,2026-06-30,76,0.9,Met: the knowledge base answers most questions now\n"
	"PHONE-Q3-AHT,2026-07-15,405,0.6,\n"
	"PHONE-Q3-AHT,2026-07-31,402,0.5,\n"
	"PHONE-Q3-AHT,2026-08-14,399,0.4,Holiday staffing: fewer seniors on the line\n"
	"PHONE-Q3-AHT,2026-08-31,396,0.4,\n"
	"PHONE-Q3-AHT,2026-09-15,392,0.3,\"Learned: handling time falls with the knowledge base,"
	" not with scripts\"\n"
	"PHONE-Q3-KB,2026-07-31,3,0.8,\n"
	"PHONE-Q3-KB,2026-08-31,7,0.8,\n"
	"PHONE-Q3-KB,2026-09-30,12,1,All twelve published\n"
	"ONLINE-H2-RT,2026-07-31,88,0.6,\n"
	"ONLINE-H2-RT,2026-08-31,79,0.7,Chat routing by topic\n"
	"ONLINE-H2-RT,2026-09-30,71,0.7,\n"
	"ONLINE-H2-RT,2026-10-31,66,0.8,\n"
	"DESK-Q4-KEPT,2026-10-31,88,0.6,Reminder text message from 1 October\n"
	"DESK-Q4-MOVED,2026-10-31,1,0.7,Passports and ID cards by appointment only\n";

static void write_text(void *ctx, FILE *out)
{
	(void)fputs(ctx, out);
}

int demo_okr_import(struct store *st, long *objectives, long *key_results, long *checkins,
		    struct err *err)
{
	if (import_written(st, IMPORT_OBJECTIVES, write_text, (void *)objectives_csv, "demo",
			   objectives, err) < 0 ||
	    import_written(st, IMPORT_KEY_RESULTS, write_text, (void *)key_results_csv, "demo",
			   key_results, err) < 0 ||
	    import_written(st, IMPORT_CHECKINS, write_text, (void *)checkins_csv, "demo", checkins,
			   err) < 0)
		return -1;
	return 0;
}
