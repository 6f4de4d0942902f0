import { graphql } from '../../../../graphql';

export const ProjectDetailFragment = graphql(`
  fragment ProjectDetail on Project {
    id
    title
    description
    status
    statusLabel
    isLate
    effectiveStatusLabel
    budget
    spent
    startsOn
    endsOn
    viewerCanReport
    community {
      id
      name
    }
    leadUnit {
      id
      name
    }
    partners {
      id
      name
    }
    followUpOfficer {
      id
      person {
        name
      }
    }
    milestones {
      id
      position
      title
      dueOn
      doneOn
      isOverdue
    }
    needs {
      id
      title
      statusLabel
    }
    resources {
      id
      title
      kindLabel
      unit {
        name
      }
    }
    updates {
      note
      spent
      createdAt
      photos {
        filename
        url
      }
    }
  }
`);

export const ProjectDetailQuery = graphql(`
  query ProjectDetailPage($id: ID!) {
    node(id: $id) {
      ... on Project {
        ...ProjectDetail
      }
    }
  }
`);

/** Separate: unit liaisons may read the project but not the volunteering area. */
export const ProjectActivitiesQuery = graphql(`
  query ProjectActivities($project: ID!) {
    volunteerActivities(filter: { project: $project }, first: 50) {
      nodes {
        id
        title
        startsAt
        endsAt
        statusLabel
        placesLeft
        slots
      }
    }
  }
`);

export const ProjectReportMutation = graphql(`
  mutation ProjectReport($input: ProjectReportInput!) {
    projectReport(input: $input) {
      project {
        ...ProjectDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MilestoneCompleteMutation = graphql(`
  mutation ProjectMilestoneComplete($milestone: ID!) {
    projectMilestoneComplete(milestone: $milestone) {
      project {
        ...ProjectDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const ProjectUpdateMutation = graphql(`
  mutation ProjectUpdate($input: ProjectUpdateInput!) {
    projectUpdate(input: $input) {
      project {
        ...ProjectDetail
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
