// The wish wall, the resources catalogue and a volunteer team's page.
const lists = {} as const;

export default lists;
