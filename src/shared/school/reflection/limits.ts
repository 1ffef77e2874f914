/** The longest name of a class code (the class it is for): the schema refuses longer, the form says so before sending. Kept free of zod for the browser bundle. */
export const MAX_CLASS_LABEL = 60;
